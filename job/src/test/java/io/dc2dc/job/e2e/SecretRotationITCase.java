package io.dc2dc.job.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.auth.Authenticator;
import io.dc2dc.job.Pipeline;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.check.ContentDiff;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.config.TestAccess;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destination's JWT secret is rotated while the job runs, the way arangod supports it (a secret
 * folder with an active and a passive secret, reloaded by {@code POST /_admin/server/jwt}): the new
 * secret is added on the server, dc2dc's secret file is replaced, the old secret is removed.
 * Replication continues throughout, with no restart of the job.
 */
class SecretRotationITCase {

    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = Clusters.miniCluster(METRICS);

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path dir;

    @Test
    void replicationContinuesWithoutRestartWhileTheDestinationSecretIsRotated() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("destination-secrets"));
        Files.writeString(folder.resolve("1-current"), "old-secret\n");
        Path dc2dcSecret = Files.writeString(dir.resolve("destination.jwt"), "old-secret\n");
        try (Emulator source = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
                Emulator destination =
                        Emulator.start(
                                EmulatorConfig.builder()
                                        .dbServers(2)
                                        .jwtSecretSource(folder)
                                        .build())) {
            Workload writes = shopWithOrders(source, 7);

            Configuration options = Replication.options(source, destination);
            options.setString("destination.jwt-secret-file", dc2dcSecret.toString());
            options.setString("sink.retry.max-attempts", "3"); // a refused write fails fast
            JobClient job = start(options, "secret-rotation");
            try {
                ClusterSpec sourceSpec = spec("source", source.coordinatorUrl(), null);
                ClusterSpec destinationSpec =
                        spec("destination", destination.coordinatorUrl(), dc2dcSecret);
                awaitEqual(sourceSpec, destinationSpec);

                // 1. the server learns the new secret as a passive one
                Files.writeString(folder.resolve("2-next"), "new-secret\n");
                reload(destination, "old-secret");
                // 2. dc2dc's secret file is replaced (atomically, as a secret volume would be)
                Path next = Files.writeString(dir.resolve("destination.jwt.next"), "new-secret\n");
                Files.move(next, dc2dcSecret, StandardCopyOption.ATOMIC_MOVE);
                writes.insertMany("shop", "orders", "b", 100, 50);
                awaitEqual(sourceSpec, destinationSpec);
                // 3. the old secret is removed from the server: only the new one works now
                Files.delete(folder.resolve("1-current"));
                reload(destination, "new-secret");
                assertThat(status(destination, "old-secret")).isEqualTo(401);
                writes.insertMany("shop", "orders", "c", 100, 50);
                awaitEqual(sourceSpec, destinationSpec);

                assertRunsWithoutRestarts(job);
            } finally {
                job.cancel().get();
            }
        }
    }

    @Test
    void replicationContinuesWithoutRestartWhileTheDestinationPasswordChanges() throws Exception {
        Path password = Files.writeString(dir.resolve("destination.password"), "old-pw\n");
        try (Emulator source = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
                Emulator destination =
                        Emulator.start(
                                EmulatorConfig.builder()
                                        .dbServers(2)
                                        .jwtSecret("d".getBytes(StandardCharsets.UTF_8))
                                        .rootPassword("old-pw")
                                        .build())) {
            Workload writes = shopWithOrders(source, 9);

            Configuration options = Replication.options(source, destination);
            options.setString("destination.password-file", password.toString());
            JobClient job = start(options, "password-rotation");
            try {
                // the comparison reads the destination's DB-servers: it needs the JWT secret
                ClusterSpec sourceSpec = spec("source", source.coordinatorUrl(), null);
                ClusterSpec destinationSpec =
                        spec(
                                "destination",
                                destination.coordinatorUrl(),
                                Files.writeString(dir.resolve("destination.jwt"), "d"));
                awaitEqual(sourceSpec, destinationSpec);

                // The password changes on the server first; writes meanwhile are refused (401)
                // and retried; then the file follows, and the retried writes get through.
                new Http(destination.coordinatorUrl())
                        .withHeader(
                                "authorization",
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        "root:old-pw"
                                                                .getBytes(StandardCharsets.UTF_8)))
                        .call("PATCH", "/_api/user/root", "{\"passwd\":\"new-pw\"}");
                writes.insertMany("shop", "orders", "b", 100, 50);
                Waits.until(
                        "the writer to be refused and retrying",
                        WAIT,
                        () ->
                                Clusters.metricValues(METRICS, job.getJobID(), "destinationRetries")
                                        .stream()
                                        .anyMatch(v -> v > 0),
                        () -> "no retries yet");
                Path next = Files.writeString(dir.resolve("destination.password.next"), "new-pw\n");
                Files.move(next, password, StandardCopyOption.ATOMIC_MOVE);
                awaitEqual(sourceSpec, destinationSpec);

                assertRunsWithoutRestarts(job);
            } finally {
                job.cancel().get();
            }
        }
    }

    /** A source with {@code shop/orders} holding 200 documents; the workload to write more. */
    private static Workload shopWithOrders(Emulator source, long seed) {
        Workload writes = new Workload(source.coordinatorUrl(), seed);
        writes.createDatabase("shop");
        writes.createCollection("shop", "orders", 2, false);
        writes.insertMany("shop", "orders", "a", 200, 50);
        return writes;
    }

    private JobClient start(Configuration options, String name) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Replication.flink(dir.resolve("checkpoints")));
        env.setParallelism(1);
        Pipeline.build(env, JobConfig.from(options, 1));
        return env.executeAsync(name);
    }

    private static ClusterSpec spec(String name, String url, Path secret) {
        Configuration conf = new Configuration();
        conf.setString(name + ".endpoints", url);
        if (secret != null) {
            conf.setString(name + ".jwt-secret-file", secret.toString());
        }
        return TestAccess.cluster(conf, name);
    }

    private static void reload(Emulator cluster, String secret) {
        JsonNode answer =
                new Http(cluster.coordinatorUrl())
                        .withHeader("authorization", bearer(secret))
                        .call("POST", "/_admin/server/jwt", null);
        assertThat(answer.path("code").asInt()).isEqualTo(200);
    }

    private static int status(Emulator cluster, String secret) throws Exception {
        java.net.http.HttpResponse<String> r =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(
                                                        cluster.coordinatorUrl() + "/_api/version"))
                                        .header("authorization", bearer(secret))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private static String bearer(String secret) {
        return "bearer "
                + Authenticator.superuserToken(secret.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static void awaitEqual(ClusterSpec source, ClusterSpec destination) {
        try (ArangoClient s = ArangoClient.connect(source);
                ArangoClient d = ArangoClient.connect(destination)) {
            ContentDiff[] last = {null};
            Waits.until(
                    "the destination to equal the source",
                    WAIT,
                    () -> {
                        Map<String, Map<String, JsonNode>> a = ClusterContents.read(s);
                        last[0] = ContentDiff.of(a, ClusterContents.read(d));
                        return last[0].isEmpty() && !a.isEmpty();
                    },
                    () -> last[0] == null ? "nothing compared" : last[0].summary(10));
        }
    }

    /** The job still runs and never restarted. */
    private static void assertRunsWithoutRestarts(JobClient job) throws Exception {
        assertThat(job.getJobStatus().get().isGloballyTerminalState()).isFalse();
        assertThat(Clusters.metricValues(METRICS, job.getJobID(), "numRestarts"))
                .as("job restarts")
                .isNotEmpty()
                .allMatch(v -> v == 0.0);
    }
}
