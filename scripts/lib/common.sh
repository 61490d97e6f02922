# shellcheck shell=bash
# Generic helpers for the project's bash scripts: messages, the ERR trap, argument checks,
# deadline-based waiting, PIDs and ports. Source it; it defines functions only.
#
# A script sets SCRIPT_NAME before sourcing (used as the prefix of every message).

: "${SCRIPT_NAME:=$(basename "$0")}"

info() { printf '%s: %s\n' "$SCRIPT_NAME" "$*"; }
warn() { printf '%s: warning: %s\n' "$SCRIPT_NAME" "$*" >&2; }

# die CODE MESSAGE...: print MESSAGE on stderr and exit with CODE.
die() {
    local code=$1
    shift
    printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2
    exit "$code"
}

# Installs an ERR trap that names the failing command and line, so that `set -e` never ends a
# script silently. Call once, after `set -Eeuo pipefail`.
install_err_trap() {
    # shellcheck disable=SC2154 # rc is assigned inside the trap string
    trap 'rc=$?; printf "%s: unexpected failure (exit %s) at %s line %s: %s\n" \
        "$SCRIPT_NAME" "$rc" "${BASH_SOURCE[0]##*/}" "$LINENO" "$BASH_COMMAND" >&2; exit "$rc"' ERR
}

require_cmd() {
    local cmd
    for cmd in "$@"; do
        command -v "$cmd" >/dev/null 2>&1 || die 5 "'$cmd' is required but not on PATH"
    done
}

is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }

# check_port NAME VALUE: a TCP port number, or exit 2 naming the option.
check_port() {
    if ! is_uint "$2" || (($2 < 1 || $2 > 65535)); then
        die 2 "$1 must be a port number 1-65535, got '$2'"
    fi
}

# now_ms: wall clock in milliseconds (for deadlines and measured durations).
now_ms() { date +%s%3N; }

# wait_until TIMEOUT_S DESCRIPTION COMMAND...: runs COMMAND every 200 ms until it succeeds
# (returns 0) or TIMEOUT_S seconds have passed (returns 1, after saying what it waited for).
wait_until() {
    local timeout_s=$1 what=$2
    shift 2
    local deadline=$(($(now_ms) + timeout_s * 1000))
    until "$@"; do
        if (($(now_ms) >= deadline)); then
            warn "gave up after ${timeout_s}s waiting for $what"
            return 1
        fi
        sleep 0.2
    done
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# pid_cmdline_has PID TEXT: the process's command line contains TEXT. Guards against a stale
# PID file whose number now belongs to an unrelated process.
pid_cmdline_has() {
    [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"
}

# rss_mb PID: resident set size in MiB, or "?" when the process is gone.
rss_mb() {
    local kb
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
    if [[ -n $kb ]]; then echo $((kb / 1024)); else echo "?"; fi
}

# port_listening PORT: a TCP listener on PORT, any address. Asks the kernel (ss) rather than
# connecting, so that probing a Flink RPC port leaves no "connection failed" warning in its log.
port_listening() {
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
}

# port_owner PORT: one line describing the listener on PORT (from ss), for error messages.
port_owner() {
    ss -Hltnp "sport = :$1" 2>/dev/null | awk '{print $4, $6}' | head -n 1
}

# free_port: a TCP port on localhost that nothing listens on (from the ephemeral-free range
# 20000-32767, so the kernel does not hand it out as a client port meanwhile).
free_port() {
    local p tries=0
    while ((tries++ < 200)); do
        p=$((20000 + RANDOM % 12768))
        if [[ -z $(ss -Htan "sport = :$p" 2>/dev/null) ]]; then
            echo "$p"
            return 0
        fi
    done
    return 1
}
