package io.dc2dc.emulator.wal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-DB-server WALs as {@code /_api/wal/tail} shows them. */
class WalTailITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(3).build());

    private static Http coord;

    @BeforeAll
    static void setUp() {
        coord = new Http(EMU.emulator().coordinatorUrl());
    }

    /** Creates a one-shard collection and returns [shard, leader, follower]. */
    private static String[] oneShard(String name, int replicationFactor) {
        Answer a =
                coord.post(
                        "/_api/collection",
                        "{\"name\":\""
                                + name
                                + "\",\"replicationFactor\":"
                                + replicationFactor
                                + "}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        JsonNode shards =
                coord.get("/_api/collection/" + name + "/shards?details=true").json().get("shards");
        Map.Entry<String, JsonNode> e = shards.fields().next();
        String follower = e.getValue().size() > 1 ? e.getValue().get(1).asText() : null;
        return new String[] {e.getKey(), e.getValue().get(0).asText(), follower};
    }

    private static Http server(String id) {
        return new Http(EMU.emulator().dbServerUrl(id));
    }

    private static long lastTick(String serverId) {
        return server(serverId).get("/_api/wal/lastTick").json().get("tick").asLong();
    }

    private static List<JsonNode> tail(String serverId, String query) {
        Answer a = server(serverId).get("/_api/wal/tail?" + query);
        assertThat(a.status()).as(a.toString()).isIn(200, 204);
        assertThat(a.header("content-type")).isEqualTo("application/x-arango-dump");
        return a.lines();
    }

    @Test
    void sameWriteGetsDifferentTicksOnLeaderAndFollower() {
        String[] s = oneShard("perServer", 2);
        long leaderFrom = lastTick(s[1]);
        long followerFrom = lastTick(s[2]);
        JsonNode written =
                coord.post("/_api/document/perServer", "{\"_key\":\"k\",\"v\":1}").json();

        List<JsonNode> onLeader = tail(s[1], "from=" + leaderFrom + "&collection=" + s[0]);
        List<JsonNode> onFollower = tail(s[2], "from=" + followerFrom + "&collection=" + s[0]);
        assertThat(onLeader).hasSize(1);
        assertThat(onFollower).hasSize(1);
        JsonNode l = onLeader.get(0);
        JsonNode f = onFollower.get(0);
        for (JsonNode m : List.of(l, f)) {
            assertThat(m.fieldNames())
                    .toIterable()
                    .containsExactly("tick", "type", "db", "cuid", "tid", "data");
            assertThat(m.get("type").asInt()).isEqualTo(2300);
            assertThat(m.get("tid").asText()).isEqualTo("0");
            assertThat(m.get("db").asText()).isEqualTo("_system");
            assertThat(m.get("cuid").asText()).endsWith("/" + s[0]);
            assertThat(m.get("data").get("_id").asText()).isEqualTo("perServer/k");
            assertThat(m.get("data").get("_rev").asText()).isEqualTo(written.get("_rev").asText());
        }
        assertThat(l.get("tick").asText()).isNotEqualTo(f.get("tick").asText());
        assertThat(l.get("tick").asLong()).isGreaterThan(leaderFrom);
        assertThat(f.get("tick").asLong()).isGreaterThan(followerFrom);
    }

    @Test
    void arrayWritesAndTransactionsAreGroups() {
        String[] s = oneShard("groups", 2);
        long from = lastTick(s[1]);
        long followerFrom = lastTick(s[2]);
        coord.post("/_api/document/groups", "[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]");
        coord.send("DELETE", "/_api/document/groups/c", null);
        String trx =
                coord.post("/_api/transaction/begin", "{\"collections\":{\"write\":\"groups\"}}")
                        .json()
                        .get("result")
                        .get("id")
                        .asText();
        coord.send("POST", "/_api/document/groups", "{\"_key\":\"d\"}", "x-arango-trx-id", trx);
        coord.send("PATCH", "/_api/document/groups/a", "{\"x\":1}", "x-arango-trx-id", trx);
        coord.put("/_api/transaction/" + trx, "");

        List<JsonNode> m = tail(s[1], "from=" + from + "&collection=" + s[0]);
        assertThat(m)
                .extracting(n -> n.get("type").asInt())
                .containsExactly(2200, 2300, 2300, 2300, 2201, 2302, 2200, 2300, 2300, 2201);
        String tid = m.get(0).get("tid").asText();
        assertThat(tid).isNotEqualTo("0");
        assertThat(m.subList(0, 5))
                .allSatisfy(n -> assertThat(n.get("tid").asText()).isEqualTo(tid));
        assertThat(m.get(0).fieldNames()).toIterable().containsExactly("tick", "type", "tid", "db");
        JsonNode remove = m.get(5);
        assertThat(remove.get("tid").asText()).isEqualTo("0");
        assertThat(remove.get("data").get("_key").asText()).isEqualTo("c");
        assertThat(remove.get("data").get("_rev").asText())
                .isEqualTo(m.get(3).get("data").get("_rev").asText());
        assertThat(m.get(6).get("tid").asText())
                .isNotEqualTo(tid)
                .isEqualTo(m.get(9).get("tid").asText());
        for (int i = 1; i < m.size(); i++) {
            assertThat(m.get(i).get("tick").asLong())
                    .isGreaterThan(m.get(i - 1).get("tick").asLong());
        }
        // the follower logs the same groups with its own transaction ids and ticks
        List<JsonNode> f = tail(s[2], "from=" + followerFrom + "&collection=" + s[0]);
        assertThat(f)
                .extracting(n -> n.get("type").asInt())
                .containsExactly(2200, 2300, 2300, 2300, 2201, 2302, 2200, 2300, 2300, 2201);
        assertThat(f.get(0).get("tid").asText()).isNotEqualTo(tid);
    }

    @Test
    void headersChunksAndEmptyAnswers() {
        String[] s = oneShard("chunks", 1);
        Http dbs = server(s[1]);
        long start = lastTick(s[1]);
        String pad = "x".repeat(1000);
        for (int i = 0; i < 40; i++) {
            coord.post(
                    "/_api/document/chunks", "{\"_key\":\"d" + i + "\",\"pad\":\"" + pad + "\"}");
        }
        long from = start;
        long lastScanned = 0;
        List<JsonNode> all = new ArrayList<>();
        int calls = 0;
        while (true) {
            Answer a =
                    dbs.get(
                            "/_api/wal/tail?collection="
                                    + s[0]
                                    + "&chunkSize=16384&from="
                                    + from
                                    + "&lastScanned="
                                    + lastScanned);
            calls++;
            assertThat(a.header("x-arango-replication-frompresent")).isEqualTo("true");
            List<JsonNode> lines = a.lines();
            all.addAll(lines);
            long included = Long.parseLong(a.header("x-arango-replication-lastincluded"));
            if (a.status() == 204) {
                assertThat(included).isZero();
                assertThat(a.header("x-arango-replication-checkmore")).isEqualTo("false");
                break;
            }
            assertThat(included).isEqualTo(lines.get(lines.size() - 1).get("tick").asLong());
            assertThat(Long.parseLong(a.header("x-arango-replication-lasttick")))
                    .isGreaterThanOrEqualTo(included);
            from = included;
            lastScanned = Long.parseLong(a.header("x-arango-replication-lastscanned"));
            if (a.header("x-arango-replication-checkmore").equals("false")) {
                break;
            }
        }
        assertThat(calls).isGreaterThan(2);
        assertThat(all).hasSize(40);
        assertThat(all)
                .extracting(n -> n.get("data").get("_key").asText())
                .startsWith("d0", "d1")
                .endsWith("d39");
    }

    @Test
    void filtersDropsAndErrors() {
        String[] s = oneShard("shortLived", 1);
        long before = lastTick(s[1]);
        String[] other = oneShard("survivor", 1);
        coord.post("/_api/document/shortLived", "{\"_key\":\"x\"}");
        coord.put("/_api/collection/shortLived/truncate", "");
        coord.delete("/_api/collection/shortLived");

        // markers of the dropped shard are suppressed except its drop marker
        List<JsonNode> all = tail(s[1], "from=" + before);
        List<Integer> typesOfDropped = new ArrayList<>();
        for (JsonNode n : all) {
            if (n.path("cuid").asText().endsWith("/" + s[0])) {
                typesOfDropped.add(n.get("type").asInt());
            }
        }
        assertThat(typesOfDropped).containsExactly(2001);

        Http dbs = server(s[1]);
        assertThat(dbs.get("/_api/wal/tail?collection=nope").json().get("errorNum").asInt())
                .isEqualTo(1203);
        Answer bad = dbs.get("/_api/wal/tail?from=10&to=5");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errorNum").asInt()).isEqualTo(400);
        coord.post("/_api/database", "{\"name\":\"other\"}");
        Answer global = dbs.get("/_db/other/_api/wal/tail?global=true");
        assertThat(global.status()).isEqualTo(403);

        long now = lastTick(other[1]);
        Answer empty = server(other[1]).get("/_api/wal/tail?from=" + now);
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
        assertThat(empty.header("x-arango-replication-checkmore")).isEqualTo("false");
        assertThat(empty.header("x-arango-replication-lastincluded")).isEqualTo("0");
        assertThat(empty.header("x-arango-replication-lasttick")).isEqualTo(Long.toString(now));
    }

    @Test
    void coordinatorsRefuseWalAccess() {
        Answer a = coord.get("/_api/wal/tail?from=0");
        assertThat(a.status()).isEqualTo(501);
        assertThat(a.json().get("errorNum").asInt()).isEqualTo(1470);
        assertThat(a.json().get("errorMessage").asText())
                .isEqualTo("'/_api/wal' is not yet supported in a cluster");
        assertThat(coord.get("/_api/wal/lastTick").status()).isEqualTo(501);
    }

    @Test
    void ticksOfDifferentServersLiveInDifferentRanges() {
        Emulator e = EMU.emulator();
        List<Long> ticks = new ArrayList<>();
        for (String id : e.dbServerIds()) {
            JsonNode range = server(id).get("/_api/wal/range").json();
            assertThat(range.get("tickMin").asLong())
                    .isLessThanOrEqualTo(range.get("tickMax").asLong());
            ticks.add(lastTick(id));
        }
        assertThat(ticks).doesNotHaveDuplicates();
        for (int i = 0; i < ticks.size(); i++) {
            for (int j = i + 1; j < ticks.size(); j++) {
                assertThat(Math.abs(ticks.get(i) - ticks.get(j))).isGreaterThan(1_000_000L);
            }
        }
    }
}
