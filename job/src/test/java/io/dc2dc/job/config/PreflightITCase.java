package io.dc2dc.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.http.PortReservation;
import io.dc2dc.emulator.junit.TestPorts;
import io.dc2dc.sink.structure.MetadataSync;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user can get wrong about the clusters fails before the job starts, with one message saying
 * what is wrong and what to check: wrong credentials, an unreachable source, a single server
 * instead of a cluster.
 */
class PreflightITCase {

    private static final byte[] SECRET = "preflight-test-secret".getBytes(StandardCharsets.UTF_8);
    private static Emulator secured;
    private static Emulator open;
    @TempDir static Path dir;

    @BeforeAll
    static void start() {
        secured =
                Emulator.start(
                        EmulatorConfig.builder()
                                .dbServers(2)
                                .jwtSecret(SECRET)
                                .rootPassword("right")
                                .build());
        open = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
    }

    @AfterAll
    static void stop() {
        secured.close();
        open.close();
    }

    private static Configuration options(String source, String destination) {
        Configuration c = new Configuration();
        c.setString("source.endpoints", source);
        c.setString("destination.endpoints", destination);
        c.setString("source.request-timeout", "5 s");
        return c;
    }

    private static String file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    @Test
    void acceptsReachableClustersWithRightCredentials() throws Exception {
        Configuration c = options(secured.coordinatorUrl(), open.coordinatorUrl());
        c.setString("source.password-file", file("right", "right"));
        c.setString(
                "source.jwt-secret-file",
                file("secret", new String(SECRET, StandardCharsets.UTF_8)));
        assertThat(Preflight.check(JobConfig.from(c, 1))).hasSize(2);
    }

    @Test
    void aDestinationAnotherReplicationWritesIntoIsRefused() throws Exception {
        try (Emulator first = Emulator.start(EmulatorConfig.builder().dbServers(1).build());
                Emulator other = Emulator.start(EmulatorConfig.builder().dbServers(1).build());
                Emulator destination =
                        Emulator.start(EmulatorConfig.builder().dbServers(1).build())) {
            JobConfig running =
                    JobConfig.from(
                            options(first.coordinatorUrl(), destination.coordinatorUrl()), 1);
            // no marker yet: nothing is refused
            Preflight.checkNotReplicatedByAnother(running);
            try (MetadataSync sync =
                    new MetadataSync(
                            running.source().cluster(),
                            running.sink().cluster(),
                            running.structure())) {
                sync.sync(List.of()); // the running job's heartbeat
            }
            // the same replication resumes
            Preflight.checkNotReplicatedByAnother(
                    JobConfig.from(
                            options(first.coordinatorUrl(), destination.coordinatorUrl()), 2));
            JobConfig second =
                    JobConfig.from(
                            options(other.coordinatorUrl(), destination.coordinatorUrl()), 1);
            assertThatThrownBy(() -> Preflight.checkNotReplicatedByAnother(second))
                    .isInstanceOf(Preflight.PreflightException.class)
                    .hasMessageContaining(
                            "is already replicated into by another dc2dc job (from "
                                    + first.coordinatorUrl()
                                    + ", last seen")
                    .hasMessageContaining("Stop that job first, or choose another destination");
            // a heartbeat older than a minute: that job stopped, the destination is free
            String stale =
                    "{\"_key\":\"replication\",\"identity\":\"x#1\",\"source\":\"x\","
                            + "\"heartbeat\":"
                            + (System.currentTimeMillis() - 120_000)
                            + "}";
            new io.dc2dc.job.testing.Http(destination.coordinatorUrl())
                    .call("POST", "/_api/document/_dc2dc?overwriteMode=replace", stale);
            Preflight.checkNotReplicatedByAnother(second);
        }
    }

    @Test
    void wrongPassword() throws Exception {
        Configuration c = options(secured.coordinatorUrl(), open.coordinatorUrl());
        c.setString("source.password-file", file("wrong", "wrong"));
        assertThatThrownBy(() -> Preflight.check(JobConfig.from(c, 1)))
                .isInstanceOf(Preflight.PreflightException.class)
                .hasMessageContaining("source cluster refused the credentials")
                .hasMessageContaining("source.password-file")
                .hasMessageNotContaining("wrong\n");
    }

    @Test
    void wrongJwtSecret() throws Exception {
        Configuration c = options(secured.coordinatorUrl(), open.coordinatorUrl());
        c.setString("source.password-file", file("right2", "right"));
        c.setString("source.jwt-secret-file", file("bad-secret", "not-the-secret"));
        assertThatThrownBy(() -> Preflight.check(JobConfig.from(c, 1)))
                .isInstanceOf(Preflight.PreflightException.class)
                .hasMessageContaining("source")
                .hasMessageContaining("jwt-secret");
    }

    @Test
    void unreachableSource() throws Exception {
        try (PortReservation refused = TestPorts.refusing()) {
            int port = refused.port();
            Configuration c = options("http://127.0.0.1:" + port, open.coordinatorUrl());
            assertThatThrownBy(() -> Preflight.check(JobConfig.from(c, 1)))
                    .isInstanceOf(Preflight.PreflightException.class)
                    .hasMessageContaining("Cannot reach the source cluster")
                    .hasMessageContaining("source.endpoints");
        }
    }

    @Test
    void singleServerInsteadOfACluster() throws Exception {
        // A stand-in for a single server: answers the two calls the check makes as arangod does.
        HttpServer single = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        single.createContext(
                "/",
                exchange -> {
                    String body =
                            exchange.getRequestURI().getPath().endsWith("/_admin/server/role")
                                    ? "{\"error\":false,\"code\":200,\"role\":\"SINGLE\",\"mode\":\"default\"}"
                                    : "{\"server\":\"arango\",\"license\":\"community\",\"version\":\"3.12.4\",\"details\":{\"role\":\"SINGLE\"}}";
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("content-type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        single.start();
        try {
            Configuration c =
                    options(
                            "http://127.0.0.1:" + single.getAddress().getPort(),
                            open.coordinatorUrl());
            assertThatThrownBy(() -> Preflight.check(JobConfig.from(c, 1)))
                    .isInstanceOf(Preflight.PreflightException.class)
                    .hasMessageContaining("role SINGLE")
                    .hasMessageContaining("dc2dc replicates clusters");
        } finally {
            single.stop(0);
        }
    }
}
