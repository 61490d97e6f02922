# shellcheck shell=bash
# Building blocks of the local Flink session cluster (scripts/flink-cluster): the runtime
# classpath from the flink-dist module, the effective configuration, the memory parameters
# that bin/config.sh would compute, launching and stopping the JobManager and TaskManager by
# PID, and the REST API. Needs lib/common.sh. Recipe: shared/flink-local.md, section 4.
#
# Layout of a cluster dir (FLINK_DIR):
#   conf/ (config.yaml, log4j*.properties)  log/  tmp/  checkpoints/  savepoints/  web-upload/
#   plugins/ (empty; silences a warning)     classpath.txt  jobmanager.pid  taskmanager.pid

# ROOT must be set by the sourcing script (the repository root).
readonly FLINK_JM_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
readonly FLINK_TM_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
# shellcheck disable=SC2034 # used by scripts/flink-cluster
readonly FLINK_CLI_CLASS=org.apache.flink.client.cli.CliFrontend
readonly FLINK_UTILS_CLASS=org.apache.flink.runtime.util.bash.BashJavaUtils

# The JDK 17 module flags of Flink's distribution (env.java.opts.all); the same list as the
# parent pom's flink.jvm.opens property.
readonly -a FLINK_JVM_OPENS=(
    --add-exports=java.base/sun.net.util=ALL-UNNAMED
    --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
    --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.text=ALL-UNNAMED
    --add-opens=java.base/java.time=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# Short-lived JVMs (BashJavaUtils, the CLI) start twice as fast with the C1 compiler only
# (measured: BashJavaUtils 2.0 -> 1.0 s, "flink list" 5.4-6.9 -> 2.3-2.7 s on a busy machine).
readonly -a FLINK_SHORT_JVM_FLAGS=(-XX:TieredStopAtLevel=1)

# flink_use_dir DIR: selects the cluster dir (made absolute, not created) and derives the paths.
flink_use_dir() {
    FLINK_DIR=$(realpath -m -- "$1")
    [[ $FLINK_DIR =~ [[:space:]] ]] && die 2 "cluster dir must not contain whitespace: '$FLINK_DIR'"
    FLINK_CONF_DIR=$FLINK_DIR/conf
    FLINK_LOG_DIR=$FLINK_DIR/log
    FLINK_CP_FILE=$FLINK_DIR/classpath.txt
    export FLINK_CONF_DIR FLINK_PLUGINS_DIR=$FLINK_DIR/plugins
}

# flink_resolve_classpath: makes sure $FLINK_CP_FILE holds the cluster's runtime classpath.
# The Maven resolution (~2 s warm) is cached in flink-dist/target/classpath.txt and redone when
# flink-dist/pom.xml or the parent pom (which holds the versions) is newer, or a jar vanished.
flink_resolve_classpath() {
    local cache=$ROOT/flink-dist/target/classpath.txt stale=false jar
    local -a jars
    if [[ ! -s $cache || $ROOT/flink-dist/pom.xml -nt $cache || $ROOT/pom.xml -nt $cache ]]; then
        stale=true
    else
        # The file has no final newline, so read reports EOF (status 1) after reading it all.
        IFS=: read -ra jars <"$cache" || true
        for jar in "${jars[@]}"; do [[ -f $jar ]] || stale=true; done
    fi
    if $stale; then
        require_cmd "${MVN:-mvn}"
        info "resolving the cluster classpath (mvn dependency:build-classpath on flink-dist)"
        mkdir -p "$ROOT/flink-dist/target"
        local tmp=$cache.tmp.$$ mvn_log=$ROOT/flink-dist/target/classpath-mvn.log
        # -DincludeScope (not -Dmdep.includeScope, which is silently ignored) keeps test jars out.
        # shellcheck disable=SC2086 # FLINK_CLUSTER_MVN_FLAGS is a list of extra flags, e.g. "-o".
        if ! "${MVN:-mvn}" -B -q ${FLINK_CLUSTER_MVN_FLAGS:-} -f "$ROOT/flink-dist" \
            dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$tmp" \
            >"$mvn_log" 2>&1; then
            rm -f "$tmp"
            tail -n 30 "$mvn_log" >&2
            die 5 "could not resolve the classpath of flink-dist (full output: $mvn_log)"
        fi
        mv -f "$tmp" "$cache"
    fi
    cp -f "$cache" "$FLINK_CP_FILE"
}

# flink_render_conf REST_PORT RPC_PORT SLOTS TM_MEMORY JM_MEMORY: writes the effective conf/.
flink_render_conf() {
    mkdir -p "$FLINK_CONF_DIR"
    sed -e "s|@CLUSTER_DIR@|$FLINK_DIR|g" -e "s|@REST_PORT@|$1|g" -e "s|@RPC_PORT@|$2|g" \
        -e "s|@SLOTS@|$3|g" -e "s|@TM_MEMORY@|$4|g" -e "s|@JM_MEMORY@|$5|g" \
        "$ROOT/flink-conf/config.yaml" >"$FLINK_CONF_DIR/config.yaml"
    if grep -n '@[A-Z_]*@' "$FLINK_CONF_DIR/config.yaml" >&2; then
        die 1 "unsubstituted placeholder left in $FLINK_CONF_DIR/config.yaml"
    fi
    cp -f "$ROOT/flink-conf/log4j.properties" "$ROOT/flink-conf/log4j-cli.properties" \
        "$FLINK_CONF_DIR/"
}

# flink_java_base LOG_NAME LOG4J_FILE JVM_FLAG...: sets the array FLINK_JAVA to the common part
# of every JVM command line (module flags, logging, classpath) plus the given flags.
flink_java_base() {
    FLINK_JAVA=(java "${FLINK_JVM_OPENS[@]}" "${@:3}"
        "-Dlog.file=$FLINK_LOG_DIR/$1"
        "-Dlog4j.configurationFile=file:$FLINK_CONF_DIR/$2"
        "-Djava.io.tmpdir=$FLINK_DIR/tmp"
        -classpath "$(<"$FLINK_CP_FILE")")
}

# flink_resource_params JM|TM: runs BashJavaUtils like bin/config.sh and sets the arrays
# FLINK_<JM|TM>_JVM (-Xmx... etc.) and FLINK_<JM|TM>_DYN (-D key=value pairs derived from the
# process size). The TaskManager refuses to start without the latter.
flink_resource_params() {
    local out
    flink_java_base bash-java-utils.log log4j-cli.properties "${FLINK_SHORT_JVM_FLAGS[@]}"
    if ! out=$("${FLINK_JAVA[@]}" "$FLINK_UTILS_CLASS" "GET_$1_RESOURCE_PARAMS" \
        --configDir "$FLINK_CONF_DIR" 2>&1); then
        printf '%s\n' "$out" | tail -n 20 >&2
        die 2 "BashJavaUtils could not derive the $1 memory settings (see above; check --tm-memory/--jm-memory)"
    fi
    local -a lines
    mapfile -t lines < <(printf '%s\n' "$out" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')
    ((${#lines[@]} == 2)) || die 1 "unexpected BashJavaUtils output for $1: $out"
    if [[ $1 == JM ]]; then
        read -ra FLINK_JM_JVM <<<"${lines[0]}"
        read -ra FLINK_JM_DYN <<<"${lines[1]}"
    else
        read -ra FLINK_TM_JVM <<<"${lines[0]}"
        read -ra FLINK_TM_DYN <<<"${lines[1]}"
    fi
}

# flink_pid ROLE: the PID of the cluster's ROLE (jobmanager|taskmanager) if it is alive and
# really that process of this cluster dir; empty otherwise.
flink_pid() {
    local file=$FLINK_DIR/$1.pid pid class
    [[ -s $file ]] || return 0
    pid=$(<"$file")
    [[ $1 == jobmanager ]] && class=$FLINK_JM_CLASS || class=$FLINK_TM_CLASS
    if pid_alive "$pid" && pid_cmdline_has "$pid" "$class" &&
        pid_cmdline_has "$pid" "--configDir $FLINK_CONF_DIR "; then
        echo "$pid"
    fi
}

# flink_launch ROLE MAIN_CLASS: starts one cluster process detached (own session, so a Ctrl-C
# in the terminal does not reach it) and writes its PID file. Uses the arrays
# that flink_resource_params set for the role.
flink_launch() {
    local role=$1 main=$2 out=$FLINK_LOG_DIR/$1.out
    local -a jvm dyn
    if [[ $role == jobmanager ]]; then
        jvm=("${FLINK_JM_JVM[@]}") dyn=("${FLINK_JM_DYN[@]}")
    else
        # The TaskManager's heap (-Xms = -Xmx from BashJavaUtils) is touched once at start: the
        # kernel then never hands the garbage collector a fresh page in the middle of a sync.
        # Measured with scripts/bench: the job's GC CPU for an initial sync of 1,000,000
        # documents fell from 2.6-3.3 s to 0.9 s (README, Performance).
        jvm=("${FLINK_TM_JVM[@]}" -XX:+AlwaysPreTouch) dyn=("${FLINK_TM_DYN[@]}")
    fi
    flink_java_base "$role.log" log4j.properties -XX:+UseG1GC
    [[ -f $out ]] && mv -f "$out" "$out.1"
    # A PID file left by a crashed predecessor would pass the wait below at once.
    rm -f "$FLINK_DIR/$role.pid"
    # The inner shell writes its own PID and then execs java, so the PID file names the JVM
    # whether or not setsid had to fork.
    # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$FLINK_DIR/$role.pid" \
        "${FLINK_JAVA[@]:0:1}" "${jvm[@]}" "${FLINK_JAVA[@]:1}" \
        "$main" --configDir "$FLINK_CONF_DIR" "${dyn[@]}" \
        >"$out" 2>&1 </dev/null &
    wait_until 5 "the $role PID file" test -s "$FLINK_DIR/$role.pid"
}

# flink_stop_pids TIMEOUT_S PID...: SIGTERM to every PID, wait until all have exited, SIGKILL
# whatever is left at the deadline. Prints "killed" for each PID that needed SIGKILL.
flink_stop_pids() {
    local timeout_s=$1 pid
    shift
    kill -TERM "$@" 2>/dev/null || true
    if ! wait_until "$timeout_s" "PIDs $* to exit after SIGTERM" flink_none_alive "$@"; then
        for pid in "$@"; do
            if pid_alive "$pid"; then
                kill -KILL "$pid" 2>/dev/null || true
                echo "killed $pid"
            fi
        done
        wait_until 10 "PIDs $* to exit after SIGKILL" flink_none_alive "$@" || return 1
    fi
}

flink_none_alive() {
    local pid
    for pid in "$@"; do pid_alive "$pid" && return 1; done
    return 0
}

# flink_conf_value KEY: a value of the effective conf/config.yaml (flat keys, as written by
# flink_render_conf), so that status, logs and a TaskManager restart need no options.
flink_conf_value() {
    [[ -f $FLINK_CONF_DIR/config.yaml ]] || return 0
    awk -v key="$1:" '$1 == key {print $2; exit}' "$FLINK_CONF_DIR/config.yaml"
}

# flink_get PORT PATH: GET http://localhost:PORT/PATH, body on stdout; fails on any error.
flink_get() {
    curl -fsS --max-time 3 "http://localhost:$1$2" 2>/dev/null
}

# flink_tm_ids PORT: resource ids of the registered TaskManagers, one a line
# (e.g. "localhost:41283-f67341").
flink_tm_ids() {
    local body
    body=$(flink_get "$1" /taskmanagers) || return 1
    grep -o '"id":"[^"]*"' <<<"$body" | cut -d'"' -f4 || true
}

# json_num JSON KEY: a top-level numeric field of Flink's compact JSON (no jq needed).
json_num() {
    sed -n "s/.*\"$2\":\([0-9][0-9]*\).*/\1/p" <<<"$1"
}

json_str() {
    sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p" <<<"$1"
}
