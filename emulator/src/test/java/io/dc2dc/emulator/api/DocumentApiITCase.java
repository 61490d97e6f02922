package io.dc2dc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Document, collection and database API behaviour and error numbers over real HTTP. */
class DocumentApiITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(3).build());

    private static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(EMU.emulator().coordinatorUrl());
        assertThat(
                        http.post(
                                        "/_api/collection",
                                        "{\"name\":\"docs\",\"numberOfShards\":4,\"replicationFactor\":2}")
                                .status())
                .isEqualTo(200);
        assertThat(http.post("/_api/collection", "{\"name\":\"edges\",\"type\":3}").status())
                .isEqualTo(200);
    }

    private static void assertError(Answer a, int status, int errorNum) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        JsonNode j = a.json();
        assertThat(j.get("error").asBoolean()).isTrue();
        assertThat(j.get("code").asInt()).isEqualTo(status);
        assertThat(j.get("errorNum").asInt()).isEqualTo(errorNum);
        assertThat(j.fieldNames())
                .toIterable()
                .containsExactly("code", "error", "errorMessage", "errorNum");
    }

    @Test
    void standardHeadersOnEveryAnswer() {
        Answer a = http.get("/_api/version");
        assertThat(a.header("server")).isEqualTo("ArangoDB");
        assertThat(a.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(a.header("content-type")).isEqualTo("application/json");
        assertThat(a.header("x-arango-queue-time-seconds")).isEqualTo("0.000000");
        assertThat(a.header("cache-control")).startsWith("no-cache, no-store");
        assertThat(a.header("strict-transport-security")).isNotNull();
        assertThat(a.header("content-security-policy")).isNotNull();
        assertThat(a.header("pragma")).isEqualTo("no-cache");
        assertThat(a.header("expires")).isEqualTo("0");
        assertThat(a.json().get("version").asText()).isEqualTo("3.12.4");
    }

    @Test
    void errorNumbers() {
        assertError(http.get("/_db/nowhere/_api/collection"), 404, 1228);
        assertError(http.post("/_api/document/nothere", "{}"), 404, 1203);
        assertThat(http.post("/_api/document/nothere", "{}").json().get("errorMessage").asText())
                .isEqualTo("collection or view not found: nothere");
        assertError(http.post("/_api/document/docs", "{\"_key\":\"bad key\"}"), 400, 1221);
        assertError(http.post("/_api/collection", "{\"name\":\"docs\"}"), 409, 1207);
        assertThat(http.post("/_api/document/docs", "{\"_key\":\"dup\"}").status()).isEqualTo(202);
        assertError(http.post("/_api/document/docs", "{\"_key\":\"dup\"}"), 409, 1210);
        assertError(http.get("/_api/document/docs/missing"), 404, 1202);
        assertError(http.post("/_api/document/docs", "{ 1: \"World\" }"), 400, 600);
        // The body is parsed before the collection is looked up, as arangod does.
        assertError(http.post("/_api/document/nosuchcollection", "{bad"), 400, 600);
        assertError(http.get("/_api/nope"), 404, 404);
        assertError(http.send("DELETE", "/_api/version", null), 405, 405);
        assertError(http.post("/_api/document/edges", "{\"_from\":\"v/1\"}"), 400, 1233);
        assertError(http.put("/_api/collection/docs/rename", "{\"name\":\"x\"}"), 501, 1470);
        assertError(http.delete("/_api/collection/_graphs"), 403, 11);
    }

    @Test
    void keysWithEveryAllowedCharacterRoundTripThroughUrls() {
        String key = "a-b_c:d.e@(f)+g,h=i;j$k!l*m'n%o~";
        Answer created = http.post("/_api/document/docs", "{\"_key\":\"" + key + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        String encoded =
                java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%2B")
                        .replace("*", "%2A");
        Answer read = http.get("/_api/document/docs/" + encoded);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("_key").asText()).isEqualTo(key);
        assertThat(http.delete("/_api/document/docs/" + encoded).status()).isEqualTo(202);
    }

    @Test
    void errorsRaisedByJettyItselfAreJsonEnvelopes() {
        Answer a = http.send("GET", "/_api/version", null, "x-huge", "y".repeat(20_000));
        assertThat(a.status()).isEqualTo(431);
        assertThat(a.header("content-type")).isEqualTo("application/json");
        assertThat(a.json().get("errorNum").asInt()).isEqualTo(431);
    }

    @Test
    void arrayWritesReportPerItemErrors() {
        Answer a =
                http.post(
                        "/_api/document/docs?returnNew=true",
                        "[{\"_key\":\"m1\",\"v\":1},{\"_key\":\"m1\"},{\"_key\":\"no good\"},42]");
        assertThat(a.status()).isEqualTo(202);
        JsonNode items = a.json();
        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("new").get("v").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("errorNum").asInt()).isEqualTo(1210);
        assertThat(items.get(2).get("errorNum").asInt()).isEqualTo(1221);
        assertThat(items.get(3).get("errorNum").asInt()).isEqualTo(1227);
        assertThat(a.header("x-arango-error-codes"))
                .isEqualTo("{\"1210\":1,\"1221\":1,\"1227\":1}");

        Answer removed = http.send("DELETE", "/_api/document/docs", "[\"m1\",\"docs/none\"]");
        assertThat(removed.json().get(0).get("_key").asText()).isEqualTo("m1");
        assertThat(removed.json().get(1).get("errorNum").asInt()).isEqualTo(1202);
        assertThat(removed.header("x-arango-error-codes")).isEqualTo("{\"1202\":1}");
    }

    @Test
    void overwriteModesIfMatchAndRestore() {
        Answer first = http.post("/_api/document/docs", "{\"_key\":\"o\",\"a\":1,\"n\":{\"x\":1}}");
        String rev1 = first.json().get("_rev").asText();
        assertThat(first.header("etag")).isEqualTo("\"" + rev1 + "\"");
        assertThat(first.header("location")).isEqualTo("/_db/_system/_api/document/docs/o");

        Answer ignored =
                http.post("/_api/document/docs?overwriteMode=ignore", "{\"_key\":\"o\",\"a\":2}");
        assertThat(ignored.json().get("_rev").asText()).isEqualTo(rev1);

        Answer updated =
                http.post(
                        "/_api/document/docs?overwriteMode=update&returnOld=true&returnNew=true",
                        "{\"_key\":\"o\",\"n\":{\"y\":2}}");
        assertThat(updated.json().get("_oldRev").asText()).isEqualTo(rev1);
        assertThat(updated.json().get("new").get("n")).hasSize(2);
        assertThat(updated.json().get("old").get("a").asInt()).isEqualTo(1);

        Answer precondition =
                http.send(
                        "PUT",
                        "/_api/document/docs/o",
                        "{\"b\":1}",
                        "If-Match",
                        "\"" + rev1 + "\"");
        assertThat(precondition.status()).isEqualTo(412);
        assertThat(precondition.json().get("errorNum").asInt()).isEqualTo(1200);
        assertThat(precondition.json().get("_rev").asText())
                .isEqualTo(updated.json().get("_rev").asText());

        String restoredRev = "_l6zhVMa--_";
        Answer restored =
                http.post(
                        "/_api/document/docs?isRestore=true&overwriteMode=replace",
                        "{\"_key\":\"o\",\"_rev\":\"" + restoredRev + "\",\"r\":true}");
        assertThat(restored.json().get("_rev").asText()).isEqualTo(restoredRev);
        JsonNode read = http.get("/_api/document/docs/o").json();
        assertThat(read.get("_rev").asText()).isEqualTo(restoredRev);
        assertThat(read.has("a")).isFalse();

        Answer patched = http.patch("/_api/document/docs/o?keepNull=false", "{\"r\":null,\"s\":1}");
        assertThat(patched.status()).isEqualTo(202);
        JsonNode after = http.get("/_api/document/docs/o").json();
        assertThat(after.has("r")).isFalse();
        assertThat(after.get("s").asInt()).isEqualTo(1);
        assertThat(http.get("/_api/document/docs/o").header("etag"))
                .isEqualTo("\"" + patched.json().get("_rev").asText() + "\"");
    }

    @Test
    void countChecksumAndShards() {
        http.post("/_api/collection", "{\"name\":\"cnt\",\"numberOfShards\":3}");
        http.post("/_api/document/cnt", "[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]");
        assertThat(http.get("/_api/collection/cnt/count").json().get("count").asLong())
                .isEqualTo(3);
        String before = http.get("/_api/collection/cnt/checksum").json().get("checksum").asText();
        String withRev =
                http.get("/_api/collection/cnt/checksum?withRevisions=true")
                        .json()
                        .get("checksum")
                        .asText();
        http.patch("/_api/document/cnt/a", "{\"x\":1}");
        assertThat(http.get("/_api/collection/cnt/checksum").json().get("checksum").asText())
                .isEqualTo(before);
        assertThat(
                        http.get("/_api/collection/cnt/checksum?withRevisions=true")
                                .json()
                                .get("checksum")
                                .asText())
                .isNotEqualTo(withRev);
        JsonNode shards = http.get("/_api/collection/cnt/shards?details=true").json().get("shards");
        assertThat(shards).hasSize(3);
        String shard =
                http.put("/_api/collection/cnt/responsibleShard", "{\"_key\":\"a\"}")
                        .json()
                        .get("shardId")
                        .asText();
        assertThat(shards.has(shard)).isTrue();
        assertThat(http.put("/_api/collection/cnt/truncate", "").status()).isEqualTo(200);
        assertThat(http.get("/_api/collection/cnt/count").json().get("count").asLong()).isZero();
    }

    @Test
    void databasesAndSystemCollections() {
        Answer created =
                http.post(
                        "/_api/database",
                        "{\"name\":\"shop\",\"options\":{\"replicationFactor\":2,\"writeConcern\":1}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("result").asBoolean()).isTrue();
        assertError(http.post("/_api/database", "{\"name\":\"shop\"}"), 409, 1207);
        JsonNode current = http.get("/_db/shop/_api/database/current").json().get("result");
        assertThat(current.get("name").asText()).isEqualTo("shop");
        assertThat(current.get("replicationFactor").asInt()).isEqualTo(2);
        JsonNode names = http.get("/_db/shop/_api/collection").json().get("result");
        assertThat(names.findValuesAsText("name")).contains("_graphs", "_analyzers", "_apps");
        assertThat(http.get("/_db/shop/_api/collection?excludeSystem=true").json().get("result"))
                .isEmpty();
        assertThat(http.get("/_api/database").json().get("result").toString()).contains("shop");
        assertError(http.get("/_db/shop/_api/database"), 403, 1230);
        assertThat(http.delete("/_api/database/shop").status()).isEqualTo(200);
        assertError(http.get("/_db/shop/_api/collection"), 404, 1228);
    }

    @Test
    void unicodeDatabaseAndCollectionNames() {
        String db = "%C3%9Cn%C3%AFc%C3%B6d%C3%A9-db"; // Ünïcödé-db
        assertThat(http.post("/_api/database", "{\"name\":\"Ünïcödé-db\"}").status())
                .isEqualTo(201);
        assertThat(
                        http.post("/_db/" + db + "/_api/collection", "{\"name\":\"orders 2024\"}")
                                .status())
                .isEqualTo(200);
        Answer doc = http.post("/_db/" + db + "/_api/document/orders%202024", "{\"_key\":\"k\"}");
        assertThat(doc.json().get("_id").asText()).isEqualTo("orders 2024/k");
        assertThat(
                        http.get("/_db/" + db + "/_api/collection/orders%202024/count")
                                .json()
                                .get("count")
                                .asInt())
                .isEqualTo(1);
        assertError(http.post("/_api/database", "{\"name\":\"bad/name\"}"), 400, 1229);
        assertError(http.post("/_api/collection", "{\"name\":\"9lives\"}"), 400, 1208);
        assertThat(http.delete("/_api/database/" + db).status()).isEqualTo(200);
    }

    @Test
    void streamTransactionsCommitAndAbort() {
        JsonNode begin =
                http.post("/_api/transaction/begin", "{\"collections\":{\"write\":\"docs\"}}")
                        .json();
        assertThat(begin.get("code").asInt()).isEqualTo(201);
        String id = begin.get("result").get("id").asText();
        Answer w =
                http.send(
                        "POST", "/_api/document/docs", "{\"_key\":\"t1\"}", "x-arango-trx-id", id);
        assertThat(w.status()).isEqualTo(202);
        assertThat(http.get("/_api/document/docs/t1").status()).isEqualTo(404);
        assertThat(http.send("GET", "/_api/document/docs/t1", null, "x-arango-trx-id", id).status())
                .isEqualTo(200);
        JsonNode committed = http.put("/_api/transaction/" + id, "").json();
        assertThat(committed.get("result").get("status").asText()).isEqualTo("committed");
        assertThat(http.get("/_api/document/docs/t1").status()).isEqualTo(200);

        String id2 =
                http.post("/_api/transaction/begin", "{\"collections\":{\"write\":[\"docs\"]}}")
                        .json()
                        .get("result")
                        .get("id")
                        .asText();
        http.send("POST", "/_api/document/docs", "{\"_key\":\"t2\"}", "x-arango-trx-id", id2);
        assertThat(
                        http.delete("/_api/transaction/" + id2)
                                .json()
                                .get("result")
                                .get("status")
                                .asText())
                .isEqualTo("aborted");
        assertThat(http.get("/_api/document/docs/t2").status()).isEqualTo(404);
        assertError(http.get("/_api/transaction/999999999"), 404, 1655);
        assertError(
                http.post("/_api/transaction/begin", "{\"collections\":{\"read\":\"nope\"}}"),
                404,
                1203);
    }
}
