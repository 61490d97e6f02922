package io.dc2dc.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.Waits;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WAL retention, registered replication clients and {@code frompresent}. */
class RetentionITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(
                    EmulatorConfig.builder()
                            .dbServers(2)
                            .walRetention(Duration.ofMillis(300))
                            .build());

    private static String leaderOf(Http coord, String collection) {
        return coord.get("/_api/collection/" + collection + "/shards?details=true")
                .json()
                .get("shards")
                .elements()
                .next()
                .get(0)
                .asText();
    }

    private static long tickMin(Http server) {
        return server.get("/_api/wal/range").json().get("tickMin").asLong();
    }

    private static long lastTick(Http server) {
        return server.get("/_api/wal/lastTick").json().get("tick").asLong();
    }

    @Test
    void registeredClientKeepsEntriesOthersLoseThem() {
        Http coord = new Http(EMU.emulator().coordinatorUrl());
        // two single-shard collections on different servers: one tailed by a client, one not
        String kept = null;
        String control = null;
        for (int i = 0; kept == null || control == null || kept.equals(control); i++) {
            coord.post("/_api/collection", "{\"name\":\"r" + i + "\"}");
            String leader = leaderOf(coord, "r" + i);
            if (kept == null) {
                kept = leader;
                coord.post(
                        "/_api/collection",
                        "{\"name\":\"kept\",\"distributeShardsLike\":\"r" + i + "\"}");
            } else if (!leader.equals(kept)) {
                control = leader;
                coord.post(
                        "/_api/collection",
                        "{\"name\":\"control\",\"distributeShardsLike\":\"r" + i + "\"}");
            }
        }
        Http keptServer = new Http(EMU.emulator().dbServerUrl(kept));
        Http controlServer = new Http(EMU.emulator().dbServerUrl(control));

        long t1 = lastTick(keptServer);
        Answer register =
                keptServer.get("/_api/wal/tail?from=" + t1 + "&syncerId=7&clientInfo=test");
        assertThat(register.header("x-arango-replication-frompresent")).isEqualTo("true");
        for (int i = 0; i < 5; i++) {
            coord.post("/_api/document/kept", "{\"_key\":\"k" + i + "\"}");
        }
        long c1 = lastTick(controlServer);
        coord.post("/_api/document/control", "{\"_key\":\"c\"}");
        // once the control entry (written after the kept ones) is purged, retention has passed
        Waits.until(
                Duration.ofSeconds(10),
                () ->
                        "false"
                                .equals(
                                        controlServer
                                                .get("/_api/wal/tail?from=" + c1)
                                                .header("x-arango-replication-frompresent")),
                () -> controlServer.get("/_api/wal/range").body());

        Answer stillThere = keptServer.get("/_api/wal/tail?from=" + t1 + "&syncerId=7");
        assertThat(stillThere.header("x-arango-replication-frompresent")).isEqualTo("true");
        assertThat(stillThere.lines())
                .extracting(m -> m.get("data").get("_key").asText())
                .containsExactly("k0", "k1", "k2", "k3", "k4");
        assertThat(tickMin(keptServer)).isGreaterThan(t1 - 1);

        JsonNode clients = keptServer.get("/_api/replication/logger-state").json().get("clients");
        assertThat(clients)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.get("syncerId").asText()).isEqualTo("7");
                            assertThat(c.get("clientInfo").asText()).isEqualTo("test");
                            assertThat(c.get("lastServedTick").asLong()).isEqualTo(t1);
                        });

        // purgeWal ignores registered clients
        Answer purge =
                coord.post(
                        "/_emulator/faults",
                        "{\"action\":\"purgeWal\",\"server\":\"" + kept + "\"}");
        assertThat(purge.status()).isEqualTo(200);
        Answer gone = keptServer.get("/_api/wal/tail?from=" + t1 + "&syncerId=7");
        assertThat(gone.header("x-arango-replication-frompresent")).isEqualTo("false");
        long now = lastTick(keptServer);
        assertThat(
                        keptServer
                                .get("/_api/wal/tail?from=" + now)
                                .header("x-arango-replication-frompresent"))
                .isEqualTo("true");
    }
}
