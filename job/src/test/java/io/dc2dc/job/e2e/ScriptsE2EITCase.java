package io.dc2dc.job.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.emulator.junit.TestPorts;
import io.dc2dc.job.config.TestAccess;
import io.dc2dc.job.testing.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's path end to end, through the real scripts: two emulated clusters as processes
 * ({@code scripts/emulator}), the local Flink session cluster on free ports ({@code
 * scripts/flink-cluster}), and {@code scripts/dc2dc} start, status --json, rescale, stop, resume,
 * check and switchover, then the reverse replication from the switchover savepoint, which must
 * write only what changed after the switchover (counted in the new destination's WAL). Everything
 * started is stopped by PID at the end.
 */
class ScriptsE2EITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofMinutes(1);
    private static final Duration LONG = Duration.ofMinutes(3);
    private static final Path ROOT = repositoryRoot();

    @TempDir Path dir;
    private Scripts scripts;
    private Path flinkDir;
    private final List<EmulatorProcess> emulators = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        if (scripts != null && flinkDir != null && Files.exists(flinkDir.resolve("conf"))) {
            Scripts.Run stop =
                    scripts.run(SHORT, "flink-cluster", "--dir", flinkDir.toString(), "stop");
            assertThat(stop.exitCode()).as(stop.toString()).isZero();
        }
        emulators.forEach(EmulatorProcess::close);
        for (EmulatorProcess e : emulators) {
            assertThat(e.alive()).as("emulator PID " + e.pid() + " stopped").isFalse();
        }
        for (String role : List.of("jobmanager", "taskmanager")) {
            Path pidFile = flinkDir == null ? null : flinkDir.resolve(role + ".pid");
            if (pidFile != null && Files.exists(pidFile)) {
                long pid = Long.parseLong(Scripts.read(pidFile).trim());
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as(role + " PID " + pid + " stopped")
                        .isFalse();
            }
        }
        if (scripts != null) {
            System.out.println("script timings:\n  " + String.join("\n  ", scripts.timings()));
        }
    }

    @Test
    void startWatchRescaleStopResumeCheckSwitchoverAndReverseWithoutReCopy() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        flinkDir = dir.resolve("flink");
        Path jar = JobJar.assemble(dir.resolve("dc2dc-job.jar"));
        int restPort = TestPorts.forChildProcess();
        scripts =
                new Scripts(ROOT, logs)
                        .env("FLINK_CLUSTER_DIR", flinkDir.toString())
                        .env("DC2DC_FLINK_URL", "http://localhost:" + restPort)
                        .env("DC2DC_STATE_DIR", dir.resolve("dc2dc").toString())
                        .env("DC2DC_JOB_JAR", jar.toString())
                        .env("FLINK_CLUSTER_MVN_FLAGS", "-o")
                        .env("EMULATOR_HEAP", "512m");

        EmulatorProcess a = emulator(logs, "a");
        EmulatorProcess b = emulator(logs, "b");
        Scripts.Run cluster =
                scripts.run(
                        LONG,
                        "flink-cluster",
                        "start",
                        "--port",
                        Integer.toString(restPort),
                        "--rpc-port",
                        Integer.toString(TestPorts.forChildProcess()),
                        "--tm-memory",
                        "1536m",
                        "--jm-memory",
                        "768m");
        assertThat(cluster.exitCode()).as(cluster.toString()).isZero();
        a.awaitReady(LONG);
        b.awaitReady(LONG);

        Workload onA = new Workload(a.url(), 1);
        onA.createDatabase("shop");
        onA.createCollection("shop", "orders", 3, false);
        onA.createCollection("shop", "users", 1, false);
        List<String> orders = onA.insertMany("shop", "orders", "o", 400, 100);
        onA.insertMany("shop", "users", "u", 50, 50);

        Path config = config("repl.yaml", a, b);
        Scripts.Run start = dc2dc(LONG, "start", "--config", config.toString());
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("running: every operator of job");

        // healthy with the four user shards reported: the job may be healthy (every shard it
        // reports tailing) before the metrics of the shop collections are published
        JsonNode status = awaitHealthy(s -> shopShards(s).size() == 4);
        List<JsonNode> shards = shopShards(status);
        assertThat(shards).hasSize(4);
        long copied = 0;
        for (JsonNode shard : shards) {
            assertThat(shard.path("phase").asText()).isEqualTo("running");
            assertThat(shard.path("lagSeconds").isNumber()).as(shard.toString()).isTrue();
            assertThat(shard.path("snapshotProgressPercent").asDouble()).isEqualTo(100.0);
            copied += shard.path("documentsCopied").asLong();
        }
        assertThat(copied).isEqualTo(450);
        assertThat(status.path("replicatedUpTo").asLong()).isPositive();

        onA.churn("shop", "orders", orders, 60);
        Scripts.Run rescale = dc2dc(LONG, "rescale", "2");
        assertThat(rescale.exitCode()).as(rescale.toString()).isZero();
        assertThat(rescale.out()).contains("with parallelism 2");

        Scripts.Run stop = dc2dc(SHORT, "stop");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        onA.churn("shop", "orders", orders, 60); // while nothing replicates
        onA.insertMany("shop", "users", "late", 20, 50);
        Scripts.Run resume = dc2dc(LONG, "resume");
        assertThat(resume.exitCode()).as(resume.toString()).isZero();

        Scripts.Run check = dc2dc(SHORT, "check", "--config", config.toString(), "--wait", "60s");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("shop/orders").contains("equal");

        Path reverse = dir.resolve("reverse.properties");
        Scripts.Run switchover =
                dc2dc(
                        LONG,
                        "switchover",
                        "--config",
                        config.toString(),
                        "--reverse-config",
                        reverse.toString());
        assertThat(switchover.exitCode()).as(switchover.toString()).isZero();
        Matcher printed =
                Pattern.compile("scripts/dc2dc start --config (\\S+) --from-switchover (\\S+)")
                        .matcher(switchover.out());
        assertThat(printed.find()).as(switchover.out()).isTrue();
        assertThat(printed.group(1)).isEqualTo(reverse.toString());

        // the applications move to b and change 30 documents before the reverse job runs
        WalWrites writesOnA = WalWrites.since(spec(a), a.dbServers());
        Workload onB = new Workload(b.url(), 2);
        onB.insertMany("shop", "orders", "after", 20, 100);
        for (int i = 0; i < 10; i++) {
            onB.update("shop", "users", "u" + i, Map.of("moved", true), true);
        }

        Scripts.Run back =
                dc2dc(
                        LONG,
                        "start",
                        "--config",
                        printed.group(1),
                        "--from-switchover",
                        printed.group(2));
        assertThat(back.exitCode()).as(back.toString()).isZero();
        Scripts.Run reverseCheck =
                dc2dc(SHORT, "check", "--config", reverse.toString(), "--wait", "60s");
        assertThat(reverseCheck.exitCode()).as(reverseCheck.toString()).isZero();
        long documents = countDocuments(reverseCheck.out());
        long written = writesOnA.count("shop", 2);
        System.out.println("reverse replication wrote " + written + " documents of " + documents);
        assertThat(written).as("writes on the new destination").isEqualTo(30);

        Scripts.Run last = dc2dc(SHORT, "stop");
        assertThat(last.exitCode()).as(last.toString()).isZero();
    }

    private EmulatorProcess emulator(Path logs, String name) {
        EmulatorProcess e =
                EmulatorProcess.start(
                        scripts, logs, name, TestPorts.forChildProcess(), "--dbservers", "2");
        emulators.add(e);
        return e;
    }

    private Scripts.Run dc2dc(Duration timeout, String... args) {
        return scripts.run(timeout, "dc2dc", args);
    }

    /** The user collections' shards in a status (system collections are replicated too). */
    private static List<JsonNode> shopShards(JsonNode status) {
        List<JsonNode> shards = new ArrayList<>();
        for (JsonNode shard : status.path("shards")) {
            if (shard.path("database").asText().equals("shop")
                    && !shard.path("collection").asText().startsWith("_")) {
                shards.add(shard);
            }
        }
        return shards;
    }

    /**
     * Polls {@code dc2dc status --json} until it reports healthy (exit 0) and {@code complete}
     * holds for the status.
     */
    private JsonNode awaitHealthy(java.util.function.Predicate<JsonNode> complete)
            throws IOException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (true) {
            Scripts.Run r = dc2dc(SHORT, "status", "--json");
            if (r.exitCode() == 0) {
                JsonNode status = JSON.readTree(r.out());
                if (complete.test(status)) {
                    return status;
                }
                assertThat(System.nanoTime()).as("complete in time: " + r).isLessThan(deadline);
                continue;
            }
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1); // lagging, not failed
            assertThat(System.nanoTime()).as("healthy in time: " + r).isLessThan(deadline);
        }
    }

    private Path config(String name, EmulatorProcess source, EmulatorProcess destination)
            throws IOException {
        return Files.writeString(
                dir.resolve(name),
                "source.endpoints: "
                        + source.url()
                        + "\ndestination.endpoints: "
                        + destination.url()
                        + "\nsync.discovery-interval: 1 s"
                        + "\nsync.poll-interval: 50 ms"
                        + "\nexecution.checkpointing.interval: 1 s"
                        + "\nparallelism.default: 1\n");
    }

    private static ClusterSpec spec(EmulatorProcess e) {
        Configuration conf = new Configuration();
        conf.setString("destination.endpoints", e.url());
        return TestAccess.cluster(conf, "destination");
    }

    /** Sum of the SOURCE COUNT column of {@code dc2dc check}'s table. */
    private static long countDocuments(String checkOutput) {
        long sum = 0;
        for (String line : checkOutput.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].startsWith("shop/") && f[1].matches("\\d+")) {
                sum += Long.parseLong(f[1]);
            }
        }
        return sum;
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("scripts/dc2dc"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the dc2dc repository");
        }
        return p;
    }
}
