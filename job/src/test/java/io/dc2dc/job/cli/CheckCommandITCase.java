package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.http.PortReservation;
import io.dc2dc.emulator.junit.TestPorts;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.testing.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dc2dc check} against two emulated clusters over HTTP: equal clusters (the destination
 * written the way the sink writes, keeping every {@code _rev}), and a destination that differs in
 * every way the check must report.
 */
class CheckCommandITCase {

    @TempDir Path dir;
    private Emulator source;
    private Emulator destination;
    private CliHarness cli;

    @BeforeEach
    void startClusters() {
        source = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
        destination = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
        cli = new CliHarness(dir);
        Http src = new Http(source.coordinatorUrl());
        Http dst = new Http(destination.coordinatorUrl());
        for (Http h : List.of(src, dst)) {
            h.call("POST", "/_api/database", Map.of("name", "shop"));
            h.call(
                    "POST",
                    "/_db/shop/_api/collection",
                    Map.of("name", "orders", "numberOfShards", 3));
            h.call(
                    "POST",
                    "/_db/shop/_api/collection",
                    Map.of("name", "users", "numberOfShards", 2));
        }
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(Map.of("_key", "k" + i, "amount", i * 10, "tags", List.of("a", "b")));
        }
        src.call("POST", "/_db/shop/_api/document/orders", orders);
        src.call("POST", "/_db/shop/_api/document/users", List.of(Map.of("_key", "alice")));
        copySourceToDestination();
    }

    @AfterEach
    void stopClusters() {
        source.close();
        destination.close();
    }

    /** Writes every source document to the destination as the sink does (isRestore keeps _rev). */
    private void copySourceToDestination() {
        try (ArangoClient s = ArangoClient.connect(spec("source", source));
                ArangoClient d = ArangoClient.connect(spec("destination", destination))) {
            for (Map.Entry<String, Map<String, JsonNode>> c : ClusterContents.read(s).entrySet()) {
                String[] dbAndName = c.getKey().split("/");
                List<byte[]> docs =
                        c.getValue().values().stream()
                                .map(j -> j.toString().getBytes(StandardCharsets.UTF_8))
                                .toList();
                d.insertRestore(dbAndName[0], dbAndName[1], docs);
            }
        }
    }

    private static ClusterSpec spec(String name, Emulator e) {
        return ClusterSpec.unauthenticated(name, List.of(e.coordinatorUrl()));
    }

    private Path config(String destinationUrl) throws IOException {
        return Files.writeString(
                dir.resolve("repl.properties"),
                "source.endpoints = "
                        + source.coordinatorUrl()
                        + "\ndestination.endpoints = "
                        + destinationUrl
                        + "\n");
    }

    @Test
    void equalClustersExitZero() throws IOException {
        CliHarness.Result r =
                cli.run("check", "--config", config(destination.coordinatorUrl()).toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .containsPattern("shop/orders +50 +50 +(\\d+) +\\1 +equal")
                .containsPattern("shop/users +1 +1 +(\\d+) +\\1 +equal")
                .contains(
                        "check: the destination equals the source (2 collections, 51 documents,"
                                + " structure equal)");
    }

    @Test
    void everyKindOfDifferenceIsListedAndExitsOne() throws IOException {
        Http dst = new Http(destination.coordinatorUrl());
        dst.call("PATCH", "/_db/shop/_api/document/orders/k3", Map.of("amount", -1));
        dst.call("DELETE", "/_db/shop/_api/document/orders/k4", null);
        dst.call("POST", "/_db/shop/_api/document/orders", Map.of("_key", "x1"));
        dst.call("POST", "/_db/shop/_api/collection", Map.of("name", "stray"));
        new Http(source.coordinatorUrl())
                .call("POST", "/_db/shop/_api/collection", Map.of("name", "audit"));
        String cfg = config(destination.coordinatorUrl()).toString();

        CliHarness.Result r = cli.run("check", "--config", cfg);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.NOT_IN_SYNC);
        assertThat(r.out())
                .containsPattern("shop/audit +0 +- +\\d+ +- +1 difference")
                .containsPattern("shop/orders +50 +50 .* 3 difference")
                .containsPattern("shop/stray +- +0 .* 1 difference")
                .containsPattern("shop/users +1 +1 +(\\d+) +\\1 +equal")
                .contains("  shop/audit: missing on the destination\n")
                .containsPattern(
                        "  shop/orders/k3: differs \\(source _rev \\S+, destination _rev \\S+\\)\n")
                .contains("  shop/orders/k4: missing on the destination\n")
                .contains("  shop/orders/x1: extra on the destination\n")
                .contains("  shop/stray: only on the destination\n")
                .contains("structure differences:\n")
                .contains("  collection shop/audit: missing on the destination\n")
                .contains("  collection shop/stray: only on the destination\n")
                .contains(
                        "check: the destination differs from the source (3 of 4 collections, 2"
                                + " structure items)");

        CliHarness.Result limited = cli.run("check", "--config", cfg, "--max-keys", "2");
        assertThat(limited.exitCode()).isEqualTo(ExitCode.NOT_IN_SYNC);
        assertThat(limited.out()).contains("differences (first 2 of 5):");
    }

    @Test
    void aStructureDifferenceAloneFailsTheCheck() throws IOException {
        new Http(source.coordinatorUrl())
                .call(
                        "POST",
                        "/_db/shop/_api/index?collection=orders",
                        Map.of(
                                "type",
                                "persistent",
                                "name",
                                "byAmount",
                                "fields",
                                List.of("amount")));
        CliHarness.Result r =
                cli.run("check", "--config", config(destination.coordinatorUrl()).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.NOT_IN_SYNC);
        assertThat(r.out())
                .containsPattern("shop/orders +50 +50 +(\\d+) +\\1 +equal")
                .contains("  index shop/orders/byAmount: missing on the destination\n")
                .contains("(0 of 2 collections, 1 structure items)");
    }

    @Test
    void anUnreachableDestinationExitsThree() throws IOException {
        try (PortReservation refused = TestPorts.refusing()) {
            int port = refused.port();
            CliHarness.Result r =
                    cli.run("check", "--config", config("http://127.0.0.1:" + port).toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(r.err()).contains("check: ");
        }
    }
}
