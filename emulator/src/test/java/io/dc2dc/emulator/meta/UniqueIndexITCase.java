package io.dc2dc.emulator.meta;

import static io.dc2dc.emulator.meta.Checks.error;
import static io.dc2dc.emulator.meta.Checks.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unique persistent indexes are enforced on every write path (single, array, update, replace,
 * overwrite, stream transactions) and show up in the coordinator's and DB-servers' inventories and
 * as 2100/2101 markers in the shard WALs.
 */
class UniqueIndexITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(2).build());

    private static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(EMU.emulator().coordinatorUrl());
    }

    /** A fresh collection with a unique index; returns the index name. */
    private static String uniqueCollection(String name, String indexExtra) {
        http.delete("/_api/collection/" + name);
        ok(http.post("/_api/collection", "{\"name\":\"" + name + "\"}"), 200);
        return ok(
                        http.post(
                                "/_api/index?collection=" + name,
                                "{\"type\":\"persistent\",\"unique\":true,\"name\":\"byEmail\",\"fields\":[\"email\"]"
                                        + indexExtra
                                        + "}"),
                        201)
                .get("name")
                .asText();
    }

    @Test
    void duplicateValuesAreRejectedWithTheIndexAndTheConflictingKey() {
        uniqueCollection("users1", "");
        ok(http.post("/_api/document/users1", "{\"_key\":\"a\",\"email\":\"x@y\"}"), 202);
        String msg =
                error(
                        http.post("/_api/document/users1", "{\"_key\":\"b\",\"email\":\"x@y\"}"),
                        409,
                        1210);
        assertThat(msg)
                .isEqualTo(
                        "unique constraint violated - in index byEmail of type persistent"
                                + " over 'email'; conflicting key: a");
        // numbers compare by value: 1 and 1.0 collide
        ok(http.post("/_api/document/users1", "{\"_key\":\"n1\",\"email\":1}"), 202);
        error(http.post("/_api/document/users1", "{\"_key\":\"n2\",\"email\":1.0}"), 409, 1210);
        // a document may keep its own value
        ok(http.patch("/_api/document/users1/a", "{\"email\":\"x@y\",\"more\":1}"), 202);
        // an update to a taken value fails, a replace too
        ok(http.post("/_api/document/users1", "{\"_key\":\"c\",\"email\":\"c@y\"}"), 202);
        error(http.patch("/_api/document/users1/c", "{\"email\":\"x@y\"}"), 409, 1210);
        error(http.put("/_api/document/users1/c", "{\"email\":\"x@y\"}"), 409, 1210);
        error(
                http.post(
                        "/_api/document/users1?overwriteMode=replace",
                        "{\"_key\":\"c\",\"email\":\"x@y\"}"),
                409,
                1210);
        // once the holder is gone the value is free again
        ok(http.delete("/_api/document/users1/a"), 202);
        ok(http.post("/_api/document/users1", "{\"_key\":\"d\",\"email\":\"x@y\"}"), 202);
        assertThat(ok(http.get("/_api/collection/users1/count"), 200).get("count").asInt())
                .isEqualTo(3); // n1, c, d
    }

    @Test
    void itemsOfOneArrayRequestCountForEachOther() {
        uniqueCollection("users2", "");
        Answer a =
                http.post(
                        "/_api/document/users2",
                        "[{\"_key\":\"a\",\"email\":\"1\"},{\"_key\":\"b\",\"email\":\"1\"},{\"_key\":\"c\",\"email\":\"2\"}]");
        JsonNode items = ok(a, 202);
        assertThat(items.get(0).has("_rev")).isTrue();
        assertThat(items.get(1).get("errorNum").asInt()).isEqualTo(1210);
        assertThat(items.get(2).has("_rev")).isTrue();
        assertThat(a.header("x-arango-error-codes")).isEqualTo("{\"1210\":1}");
        // swapping values within one request works when the earlier item frees the value
        JsonNode swap =
                ok(
                        http.patch(
                                "/_api/document/users2",
                                "[{\"_key\":\"a\",\"email\":\"3\"},{\"_key\":\"c\",\"email\":\"1\"}]"),
                        202);
        assertThat(swap.get(1).has("errorNum")).as(swap.toString()).isFalse();
    }

    @Test
    void missingValuesCollideUnlessTheIndexIsSparse() {
        uniqueCollection("dense", "");
        ok(http.post("/_api/document/dense", "{\"_key\":\"a\"}"), 202);
        error(http.post("/_api/document/dense", "{\"_key\":\"b\",\"email\":null}"), 409, 1210);

        uniqueCollection("sparse", ",\"sparse\":true");
        ok(http.post("/_api/document/sparse", "{\"_key\":\"a\"}"), 202);
        ok(http.post("/_api/document/sparse", "{\"_key\":\"b\",\"email\":null}"), 202);
    }

    @Test
    void streamTransactionsSeeTheirOwnWrites() {
        uniqueCollection("users3", "");
        String trx =
                ok(
                                http.post(
                                        "/_api/transaction/begin",
                                        "{\"collections\":{\"write\":[\"users3\"]}}"),
                                201)
                        .get("result")
                        .get("id")
                        .asText();
        ok(
                http.send(
                        "POST",
                        "/_api/document/users3",
                        "{\"_key\":\"a\",\"email\":\"t\"}",
                        "x-arango-trx-id",
                        trx),
                202);
        error(
                http.send(
                        "POST",
                        "/_api/document/users3",
                        "{\"_key\":\"b\",\"email\":\"t\"}",
                        "x-arango-trx-id",
                        trx),
                409,
                1210);
        ok(http.put("/_api/transaction/" + trx, null), 200);
        error(http.post("/_api/document/users3", "{\"_key\":\"c\",\"email\":\"t\"}"), 409, 1210);
    }

    @Test
    void uniqueIndexOverDuplicatesOrWithoutShardKeysIsRefused() {
        http.delete("/_api/collection/dups");
        ok(http.post("/_api/collection", "{\"name\":\"dups\"}"), 200);
        ok(http.post("/_api/document/dups", "[{\"v\":1},{\"v\":1}]"), 202);
        error(
                http.post(
                        "/_api/index?collection=dups",
                        "{\"type\":\"persistent\",\"unique\":true,\"fields\":[\"v\"]}"),
                409,
                1210);
        assertThat(ok(http.get("/_api/index?collection=dups"), 200).get("indexes")).hasSize(1);

        http.delete("/_api/collection/sharded");
        ok(http.post("/_api/collection", "{\"name\":\"sharded\",\"numberOfShards\":3}"), 200);
        error(
                http.post(
                        "/_api/index?collection=sharded",
                        "{\"type\":\"persistent\",\"unique\":true,\"fields\":[\"v\"]}"),
                501,
                1470);
        ok(
                http.post(
                        "/_api/index?collection=sharded",
                        "{\"type\":\"persistent\",\"unique\":true,\"fields\":[\"_key\",\"v\"]}"),
                201);
    }

    @Test
    void indexesAppearInInventoriesAndShardWals() {
        uniqueCollection("inv", "");
        JsonNode entry = inventoryEntry("inv");
        assertThat(entry.get("indexes")).hasSize(1); // no primary index in inventories
        JsonNode def = entry.get("indexes").get(0);
        assertThat(def.get("name").asText()).isEqualTo("byEmail");
        assertThat(def.get("unique").asBoolean()).isTrue();
        assertThat(def.get("id").asText()).doesNotContain("/");

        JsonNode shards =
                ok(http.get("/_api/collection/inv/shards?details=true"), 200).get("shards");
        String shard = shards.fieldNames().next();
        String leader = shards.get(shard).get(0).asText();
        Http server = new Http(EMU.emulator().dbServerUrl(leader));
        String batch =
                ok(server.post("/_api/replication/batch", "{\"ttl\":30}"), 200).get("id").asText();
        JsonNode local =
                ok(
                        server.get(
                                "/_api/replication/inventory?batchId="
                                        + batch
                                        + "&collection="
                                        + shard),
                        200);
        assertThat(local.get("collections").get(0).get("indexes").get(0).get("name").asText())
                .isEqualTo("byEmail");
        server.delete("/_api/replication/batch/" + batch);

        ok(http.delete("/_api/index/inv/byEmail"), 200);
        List<Integer> types = new ArrayList<>();
        for (JsonNode m : server.get("/_api/wal/tail?from=0&collection=" + shard).lines()) {
            types.add(m.get("type").asInt());
        }
        assertThat(types).containsSubsequence(2000, 2100, 2101);
        assertThat(inventoryEntry("inv").get("indexes")).isEmpty();
    }

    private static JsonNode inventoryEntry(String collection) {
        JsonNode inv = ok(http.get("/_api/replication/clusterInventory"), 200);
        for (JsonNode c : inv.get("collections")) {
            if (c.get("parameters").get("name").asText().equals(collection)) {
                return c;
            }
        }
        throw new AssertionError(collection + " not in " + inv);
    }
}
