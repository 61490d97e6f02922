package io.dc2dc.emulator.replication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches, dumps, inventories and the keys API. */
class SnapshotITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(2).build());

    private static Http coord;

    @BeforeAll
    static void setUp() {
        coord = new Http(EMU.emulator().coordinatorUrl());
    }

    private static Map.Entry<String, String> onlyShard(String collection) {
        JsonNode shards =
                coord.get("/_api/collection/" + collection + "/shards?details=true")
                        .json()
                        .get("shards");
        Map.Entry<String, JsonNode> e = shards.fields().next();
        return Map.entry(e.getKey(), e.getValue().get(0).asText());
    }

    /** Dumps a shard completely under a batch, following checkmore. */
    private static List<JsonNode> dumpAll(Http server, String shard, String batch, String extra) {
        List<JsonNode> docs = new java.util.ArrayList<>();
        long last = 0;
        while (true) {
            Answer a =
                    server.get(
                            "/_api/replication/dump?collection="
                                    + shard
                                    + "&batchId="
                                    + batch
                                    + "&chunkSize=4096"
                                    + extra);
            assertThat(a.header("content-type")).isEqualTo("application/x-arango-dump");
            if (a.status() == 204) {
                assertThat(a.header("x-arango-replication-lastincluded")).isEqualTo("0");
                assertThat(a.header("x-arango-replication-checkmore")).isEqualTo("false");
                return docs;
            }
            assertThat(a.status()).isEqualTo(200);
            long included = Long.parseLong(a.header("x-arango-replication-lastincluded"));
            assertThat(included).isGreaterThan(last);
            last = included;
            docs.addAll(a.lines());
            if (a.header("x-arango-replication-checkmore").equals("false")) {
                return docs;
            }
        }
    }

    @Test
    void batchSnapshotIgnoresConcurrentWrites() throws Exception {
        coord.post("/_api/collection", "{\"name\":\"iso\"}");
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"_key\":\"k").append(i).append("\",\"v\":0}");
        }
        coord.post("/_api/document/iso", sb.append("]").toString());
        Map.Entry<String, String> shard = onlyShard("iso");
        Http leader = new Http(EMU.emulator().dbServerUrl(shard.getValue()));
        JsonNode batch = leader.post("/_api/replication/batch", "{\"ttl\":60}").json();
        String batchId = batch.get("id").asText();
        long lastTick = batch.get("lastTick").asLong();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer =
                new Thread(
                        () -> {
                            Http w = new Http(EMU.emulator().coordinatorUrl());
                            int i = 0;
                            try {
                                while (!stop.get()) {
                                    int n = i++;
                                    w.patch("/_api/document/iso/k" + (n % 500), "{\"v\":1}");
                                    w.post("/_api/document/iso", "{\"_key\":\"new" + n + "\"}");
                                    w.delete("/_api/document/iso/k" + ((n * 7) % 500));
                                    writes.incrementAndGet();
                                }
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        });
        writer.start();
        try {
            io.dc2dc.emulator.Waits.until(
                    java.time.Duration.ofSeconds(10),
                    () -> writes.get() > 20,
                    () -> "writes: " + writes.get());
            List<JsonNode> docs = dumpAll(leader, shard.getKey(), batchId, "&useEnvelope=false");
            assertThat(docs).hasSize(500);
            Set<String> keys = new HashSet<>();
            for (JsonNode d : docs) {
                keys.add(d.get("_key").asText());
                assertThat(d.get("v").asInt()).as(d.toString()).isZero();
            }
            assertThat(keys).hasSize(500).allMatch(k -> k.startsWith("k"));
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failure.get()).isNull();
        // the tail from the batch's tick has exactly the concurrent writes
        Answer tail =
                leader.get(
                        "/_api/wal/tail?collection="
                                + shard.getKey()
                                + "&from="
                                + lastTick
                                + "&chunkSize=100000000");
        List<JsonNode> changes = tail.lines();
        assertThat(changes)
                .allSatisfy(m -> assertThat(m.get("tick").asLong()).isGreaterThan(lastTick));
        assertThat(
                        changes.stream()
                                .filter(m -> m.get("data").get("_key").asText().startsWith("new")))
                .hasSize(writes.get());
        assertThat(leader.delete("/_api/replication/batch/" + batchId).status()).isEqualTo(204);
        assertThat(
                        leader.delete("/_api/replication/batch/" + batchId)
                                .json()
                                .get("errorNum")
                                .asInt())
                .isEqualTo(1600);
    }

    @Test
    void dumpEnvelopeErrorsAndCoordinatorForwarding() {
        coord.post("/_api/collection", "{\"name\":\"fwd\"}");
        coord.post("/_api/document/fwd", "[{\"_key\":\"a\",\"n\":1},{\"_key\":\"b\",\"n\":2}]");
        Map.Entry<String, String> shard = onlyShard("fwd");
        String q = "DBserver=" + shard.getValue();
        Answer noServer = coord.post("/_api/replication/batch", "{\"ttl\":30}");
        assertThat(noServer.status()).isEqualTo(400);
        assertThat(noServer.json().get("errorMessage").asText())
                .isEqualTo("need \"DBserver\" parameter");

        String batch =
                coord.post("/_api/replication/batch?" + q, "{\"ttl\":30}")
                        .json()
                        .get("id")
                        .asText();
        Answer dump =
                coord.get(
                        "/_api/replication/dump?"
                                + q
                                + "&collection="
                                + shard.getKey()
                                + "&batchId="
                                + batch);
        assertThat(dump.status()).isEqualTo(200);
        assertThat(dump.lines())
                .hasSize(2)
                .allSatisfy(
                        l -> {
                            assertThat(l.get("type").asInt()).isEqualTo(2300);
                            assertThat(l.get("data").get("_id").asText()).startsWith("fwd/");
                        });
        assertThat(dump.header("x-arango-replication-checkmore")).isEqualTo("false");
        Answer again =
                coord.get(
                        "/_api/replication/dump?"
                                + q
                                + "&collection="
                                + shard.getKey()
                                + "&batchId="
                                + batch);
        assertThat(again.status()).isEqualTo(204);

        Answer missingBatch =
                coord.get("/_api/replication/dump?" + q + "&collection=" + shard.getKey());
        assertThat(missingBatch.status()).isEqualTo(404);
        assertThat(missingBatch.json().get("errorNum").asInt()).isEqualTo(400);
        Answer expired =
                coord.get(
                        "/_api/replication/dump?"
                                + q
                                + "&collection="
                                + shard.getKey()
                                + "&batchId=1");
        assertThat(expired.status()).isEqualTo(404);
        assertThat(coord.put("/_api/replication/batch/" + batch + "?" + q, "{\"ttl\":60}").status())
                .isEqualTo(204);
        assertThat(
                        coord.put("/_api/replication/batch/12345?" + q, "{\"ttl\":60}")
                                .json()
                                .get("errorNum")
                                .asInt())
                .isEqualTo(1600);

        JsonNode inv = coord.get("/_api/replication/inventory?" + q + "&batchId=" + batch).json();
        assertThat(inv.get("state").get("lastLogTick").asText()).isNotEmpty();
        assertThat(inv.get("collections").findValuesAsText("name")).contains(shard.getKey());
        JsonNode params = null;
        for (JsonNode c : inv.get("collections")) {
            if (c.get("parameters").get("name").asText().equals(shard.getKey())) {
                params = c.get("parameters");
            }
        }
        assertThat(params.get("globallyUniqueId").asText()).endsWith("/" + shard.getKey());
        assertThat(params.get("planId").asText()).isNotEmpty();
        Answer noBatch = coord.get("/_api/replication/inventory?" + q);
        assertThat(noBatch.json().get("errorNum").asInt()).isEqualTo(1600);
        JsonNode logger = coord.get("/_api/replication/logger-state?" + q).json();
        assertThat(logger.get("state").get("running").asBoolean()).isTrue();
    }

    @Test
    void clusterInventoryOnCoordinatorsOnly() {
        coord.post(
                "/_api/collection",
                "{\"name\":\"proto\",\"numberOfShards\":2,\"replicationFactor\":2}");
        coord.post(
                "/_api/collection", "{\"name\":\"follower\",\"distributeShardsLike\":\"proto\"}");
        JsonNode inv = coord.get("/_api/replication/clusterInventory").json();
        assertThat(inv.get("state").asText()).isEqualTo("unused");
        assertThat(inv.get("properties").get("name").asText()).isEqualTo("_system");
        Map<String, JsonNode> byName = new HashMap<>();
        inv.get("collections")
                .forEach(c -> byName.put(c.get("parameters").get("name").asText(), c));
        // no exclusion list on a coordinator: Foxx queues and statistics are listed too
        assertThat(byName)
                .containsKeys(
                        "proto",
                        "follower",
                        "_users",
                        "_graphs",
                        "_queues",
                        "_jobs",
                        "_statistics");
        JsonNode proto = byName.get("proto");
        assertThat(proto.get("isReady").asBoolean()).isTrue();
        assertThat(proto.get("allInSync").asBoolean()).isTrue();
        assertThat(proto.get("planVersion").asLong()).isPositive();
        List<JsonNode> protoPlacement = new java.util.ArrayList<>();
        proto.get("parameters").get("shards").forEach(protoPlacement::add);
        List<JsonNode> followerPlacement = new java.util.ArrayList<>();
        byName.get("follower").get("parameters").get("shards").forEach(followerPlacement::add);
        assertThat(followerPlacement).isEqualTo(protoPlacement);
        assertThat(byName.get("follower").get("parameters").get("distributeShardsLike").asText())
                .isEqualTo("proto");
        assertThat(
                        coord.get("/_api/replication/clusterInventory?includeSystem=false")
                                .json()
                                .get("collections")
                                .findValuesAsText("name"))
                .noneMatch(n -> n.startsWith("_"));

        String server = EMU.emulator().dbServerIds().get(0);
        Answer onDbServer =
                new Http(EMU.emulator().dbServerUrl(server))
                        .get("/_api/replication/clusterInventory");
        assertThat(onDbServer.status()).isEqualTo(403);
        assertThat(onDbServer.json().get("errorNum").asInt()).isEqualTo(1471);
    }

    @Test
    void keysApiComparesShards() {
        coord.post("/_api/collection", "{\"name\":\"keyed\"}");
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 250; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"_key\":\"k")
                    .append(String.format("%03d", i))
                    .append("\"}");
        }
        coord.post("/_api/document/keyed", sb.append("]").toString());
        Map.Entry<String, String> shard = onlyShard("keyed");
        Http leader = new Http(EMU.emulator().dbServerUrl(shard.getValue()));
        String batch = leader.post("/_api/replication/batch", "{}").json().get("id").asText();
        JsonNode keys =
                leader.post(
                                "/_api/replication/keys?collection="
                                        + shard.getKey()
                                        + "&batchId="
                                        + batch,
                                "")
                        .json();
        assertThat(keys.get("count").asInt()).isEqualTo(250);
        String id = keys.get("id").asText();
        JsonNode chunks = leader.get("/_api/replication/keys/" + id + "?chunkSize=100").json();
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).get("low").asText()).isEqualTo("k000");
        assertThat(chunks.get(2).get("high").asText()).isEqualTo("k249");
        JsonNode chunkKeys =
                leader.put("/_api/replication/keys/" + id + "?type=keys&chunk=1&chunkSize=100", "")
                        .json();
        assertThat(chunkKeys).hasSize(100);
        assertThat(chunkKeys.get(0).get(0).asText()).isEqualTo("k100");
        JsonNode docs =
                leader.put(
                                "/_api/replication/keys/" + id + "?type=docs&chunk=1&chunkSize=100",
                                "[0,5]")
                        .json();
        assertThat(docs.get(1).get("_key").asText()).isEqualTo("k105");
        assertThat(leader.delete("/_api/replication/keys/" + id).status()).isEqualTo(202);
        assertThat(
                        coord.post("/_api/replication/keys?collection=keyed", "")
                                .json()
                                .get("errorNum")
                                .asInt())
                .isEqualTo(1470);
    }
}
