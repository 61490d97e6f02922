package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.arango.wire.MarkerTypes;
import io.dc2dc.arango.wire.RawDocument;
import io.dc2dc.arango.wire.WalMarker;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot-then-tail protocol straight against the emulator's DB-servers: batch, dump under the
 * batch (isolated from later writes), then tail each shard's leader from the batch's tick.
 */
class SnapshotAndTailITCase {

    private static final String DB = "it_snap";

    @RegisterExtension static final EmulatorExtension EMU = EmulatorClusters.secured();

    @TempDir static Path dir;
    private static ArangoClient client;

    @BeforeAll
    static void setUp() {
        client = EmulatorClusters.securedClient(EMU, dir);
        client.createDatabase(DB, null);
        client.createCollection(
                DB,
                Json.MAPPER
                        .createObjectNode()
                        .put("name", "items")
                        .put("numberOfShards", 3)
                        .put("replicationFactor", 2));
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    private static JsonNode insert(String key, String value) {
        return client.send(
                "POST",
                DB,
                "/_api/document/items",
                Json.MAPPER.createObjectNode().put("_key", key).put("value", value));
    }

    private static CollectionInfo items() {
        return client.collections(DB).stream()
                .filter(c -> c.name().equals("items"))
                .findFirst()
                .orElseThrow();
    }

    /** Dumps one shard completely under {@code batch}. */
    private static List<RawDocument> dumpShard(String leader, String shard, Batch batch) {
        List<RawDocument> docs = new ArrayList<>();
        for (int round = 0; round < 10_000; round++) {
            int before = docs.size();
            DumpResult r = client.dump(leader, DB, shard, batch.id(), 4096, docs::add);
            assertThat(r.documents()).isEqualTo(docs.size() - before);
            if (!r.checkMore() || r.documents() == 0) {
                return docs;
            }
        }
        throw new AssertionError("dump of " + shard + " did not end");
    }

    @Test
    void dumpsAConsistentSnapshotAndTailsWhatCameAfter() {
        for (int i = 0; i < 300; i++) {
            insert("d" + i, "v" + i);
        }
        CollectionInfo items = items();
        Map<String, Batch> batches = new HashMap<>();
        Map<String, String> guids = new HashMap<>();
        long counted = 0;
        for (Map.Entry<String, List<String>> e : items.shards().entrySet()) {
            String leader = e.getValue().get(0);
            counted += client.shardCount(leader, DB, e.getKey());
            Batch b = client.createBatch(leader, DB, Duration.ofMinutes(5), 4242);
            batches.put(e.getKey(), b);
            guids.put(e.getKey(), client.shardGuid(leader, DB, b.id(), e.getKey()));
        }

        assertThat(counted).as("the shards' own counts on their leaders").isEqualTo(300);

        // writes after the snapshots: one insert, one update, one removal
        insert("late", "after the batches");
        JsonNode beforeRemove = client.get(DB, "/_api/document/items/d1");
        client.send(
                "PATCH",
                DB,
                "/_api/document/items/d0",
                Json.MAPPER.createObjectNode().put("value", "changed"));
        client.send("DELETE", DB, "/_api/document/items/d1", null);

        Map<String, RawDocument> dumped = new HashMap<>();
        for (Map.Entry<String, List<String>> e : items.shards().entrySet()) {
            String leader = e.getValue().get(0);
            for (RawDocument d : dumpShard(leader, e.getKey(), batches.get(e.getKey()))) {
                assertThat(dumped.put(d.key(), d)).as("key %s dumped twice", d.key()).isNull();
            }
        }
        assertThat(dumped).hasSize(300).doesNotContainKey("late").containsKey("d1");
        assertThat(dumped.get("d0").json()).contains("\"v0\"");
        assertThat(dumped.get("d1").rev())
                .isEqualTo(Revisions.decode(beforeRemove.path("_rev").asText()));

        // tail each shard on its leader from its batch's tick
        List<WalMarker> markers = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : items.shards().entrySet()) {
            String leader = e.getValue().get(0);
            Batch b = batches.get(e.getKey());
            TailResult r =
                    client.tail(
                            leader,
                            TailRequest.shard(DB, e.getKey(), b.lastTick(), 0, 0, 4242),
                            markers::add);
            assertThat(r.fromPresent()).isTrue();
            assertThat(r.lastTick()).isGreaterThanOrEqualTo(b.lastTick());
            assertThat(client.lastTick(leader)).isGreaterThanOrEqualTo(r.lastTick());
            for (WalMarker m : markers) {
                assertThat(m.tick()).isGreaterThan(0);
            }
            client.deleteBatch(leader, DB, b.id());
        }
        List<WalMarker> docs =
                markers.stream()
                        .filter(
                                m ->
                                        m.type() == MarkerTypes.DOCUMENT
                                                || m.type() == MarkerTypes.REMOVE)
                        .toList();
        assertThat(docs).allMatch(m -> guids.containsValue(m.cuid()));
        assertThat(docs).allMatch(m -> DB.equals(m.db()));
        assertThat(docs)
                .extracting(m -> m.type() + ":" + m.key())
                .containsExactlyInAnyOrder("2300:late", "2300:d0", "2302:d1");
        WalMarker removal =
                docs.stream().filter(m -> m.type() == MarkerTypes.REMOVE).findFirst().orElseThrow();
        // a remove marker names the revision of the version it removed
        assertThat(removal.rev()).isEqualTo(dumped.get("d1").rev());
        WalMarker update =
                docs.stream().filter(m -> "d0".equals(m.key())).findFirst().orElseThrow();
        assertThat(update.rev()).isGreaterThan(dumped.get("d0").rev());
        assertThat(update.dataJson()).contains("\"changed\"");
    }

    @Test
    void aGlobalTailSeesEveryDatabase() {
        String server = EMU.emulator().dbServerIds().get(0);
        long from = client.lastTick(server);
        client.createDatabase("it_snap_other", null);
        List<WalMarker> markers = new ArrayList<>();
        TailResult r = client.tail(server, TailRequest.global(from, 0, 0, 0), markers::add);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.lastIncluded()).isGreaterThan(from);
        assertThat(markers)
                .anyMatch(
                        m ->
                                m.type() == MarkerTypes.CREATE_DATABASE
                                        && "it_snap_other".equals(m.db()));
        TailResult empty =
                client.tail(
                        server, TailRequest.global(r.lastTick(), r.lastScanned(), 0, 0), m -> {});
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.markers()).isZero();
        assertThat(empty.checkMore()).isFalse();
    }

    @Test
    void unknownBatchesAreNotFoundButDeletingThemIsFine() {
        String server = EMU.emulator().dbServerIds().get(1);
        client.deleteBatch(server, DB, "999999999");
        assertThatThrownBy(() -> client.dump(server, DB, "s1", "999999999", 0, d -> {}))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(404);
                            assertThat(e.isTransient()).isFalse();
                        });
    }
}
