package io.dc2dc.job.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.check.ContentDiff;
import io.dc2dc.job.check.StructureDiff;
import io.dc2dc.job.check.StructureSnapshot;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Collections and databases dropped and re-created at the source while the job runs, database
 * options, replication-factor bounds, and include/exclude rules changed through a savepoint.
 */
class DropsAndFiltersITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aCollectionDroppedAndRecreatedQuicklyNeverGetsOldDocuments() throws Exception {
        Workload w = new Workload(clusters.source().coordinatorUrl(), 31);
        Http h = w.http();
        w.createDatabase("app");
        w.createCollection("app", "items", 3, false);
        w.createCollection("app", "steady", 2, false);
        insert(h, "app", "items", 0, 0, 200);
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            for (int incarnation = 1; incarnation <= 4; incarnation++) {
                h.call("DELETE", "/_db/app/_api/collection/items", null);
                ObjectNode props = Http.JSON.createObjectNode();
                props.put("name", "items");
                props.put("numberOfShards", 1 + incarnation % 3);
                props.put("replicationFactor", 2);
                h.call("POST", "/_db/app/_api/collection", props);
                // Overlapping keys (0..) and new ones, while another collection keeps changing.
                insert(h, "app", "items", incarnation, incarnation * 10, 60);
                insert(h, "app", "steady", incarnation, incarnation * 100, 20);
                if (incarnation == 2) {
                    // Let this incarnation reach the destination before it is dropped.
                    Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
                }
            }
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            try (ArangoClient d = destination()) {
                Map<String, JsonNode> items = contents(d).get("app/items");
                assertThat(items).hasSize(60);
                assertThat(items.values())
                        .allSatisfy(
                                doc -> assertThat(doc.path("incarnation").asInt()).isEqualTo(4));
            }
            awaitSameStructure(s -> s.startsWith("collection app/") || s.startsWith("database "));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aTruncateFollows() throws Exception {
        Workload w = new Workload(clusters.source().coordinatorUrl(), 33);
        Http h = w.http();
        w.createDatabase("app");
        w.createCollection("app", "log", 3, false);
        insert(h, "app", "log", 0, 0, 300);
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            h.call("PUT", "/_db/app/_api/collection/log/truncate", null);
            insert(h, "app", "log", 1, 250, 20); // some keys again, some new
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            try (ArangoClient d = destination()) {
                assertThat(contents(d).get("app/log")).hasSize(20);
            }
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aDatabaseDroppedAndRecreatedStartsEmptyAndADroppedOneGoes() throws Exception {
        Workload w = new Workload(clusters.source().coordinatorUrl(), 37);
        Http h = w.http();
        w.createDatabase("tmp");
        w.createDatabase("gone");
        w.createCollection("tmp", "c", 2, false);
        w.createCollection("gone", "g", 1, false);
        insert(h, "tmp", "c", 0, 0, 100);
        insert(h, "gone", "g", 0, 0, 10);
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            h.call("DELETE", "/_api/database/gone", null);
            for (int incarnation = 1; incarnation <= 3; incarnation++) {
                h.call("DELETE", "/_api/database/tmp", null);
                ObjectNode db = Http.JSON.createObjectNode();
                db.put("name", "tmp");
                db.putObject("options").put("replicationFactor", 1 + incarnation % 2);
                h.call("POST", "/_api/database", db);
                w.createCollection("tmp", incarnation % 2 == 0 ? "c" : "d" + incarnation, 2, false);
                w.createCollection("tmp", "c" + incarnation, 1, false);
                insert(h, "tmp", "c" + incarnation, incarnation, 0, 30);
            }
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            awaitSameStructure(s -> s.startsWith("collection ") || s.startsWith("database "));
            try (ArangoClient d = destination()) {
                assertThat(d.databases()).contains("tmp").doesNotContain("gone");
                Map<String, Map<String, JsonNode>> dest = contents(d);
                assertThat(dest.keySet())
                        .filteredOn(k -> k.startsWith("tmp/"))
                        .containsExactlyInAnyOrder("tmp/d3", "tmp/c3");
                assertThat(dest.get("tmp/c3").values())
                        .allSatisfy(
                                doc -> assertThat(doc.path("incarnation").asInt()).isEqualTo(3));
            }
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void databaseOptionsAreCopiedWithinTheReplicationFactorBounds() throws Exception {
        Http h = new Http(clusters.source().coordinatorUrl());
        h.call(
                "POST",
                "/_api/database",
                "{\"name\":\"wide\",\"options\":{\"replicationFactor\":3,\"writeConcern\":3}}");
        h.call(
                "POST",
                "/_api/database",
                "{\"name\":\"narrow\",\"options\":{\"replicationFactor\":2,\"writeConcern\":1}}");
        h.call(
                "POST",
                "/_db/wide/_api/collection",
                "{\"name\":\"triple\",\"replicationFactor\":3,\"writeConcern\":3}");
        h.call(
                "POST",
                "/_db/narrow/_api/collection",
                "{\"name\":\"single\",\"replicationFactor\":1,\"writeConcern\":1}");
        h.call(
                "POST",
                "/_api/database",
                "{\"name\":\"one\",\"options\":{\"sharding\":\"single\"}}");
        h.call("POST", "/_db/one/_api/collection", "{\"name\":\"first\"}");
        h.call("POST", "/_db/one/_api/collection", "{\"name\":\"second\",\"type\":3}");
        insert(h, "wide", "triple", 0, 0, 20);
        insert(h, "narrow", "single", 0, 0, 20);
        insert(h, "one", "first", 0, 0, 20);
        JobClient job =
                clusters.startWith(
                        1, null, o -> o.setString("structure.max-replication-factor", "2"));
        try {
            Replication.awaitEqual(clusters.source(), clusters.destination(), TIMEOUT);
            Http d = new Http(clusters.destination().coordinatorUrl());
            JsonNode wide = d.call("GET", "/_db/wide/_api/database/current", null).path("result");
            assertThat(wide.path("replicationFactor").asInt()).isEqualTo(2);
            assertThat(wide.path("writeConcern").asInt()).isEqualTo(2);
            JsonNode triple = d.call("GET", "/_db/wide/_api/collection/triple/properties", null);
            assertThat(triple.path("replicationFactor").asInt()).isEqualTo(2);
            assertThat(triple.path("writeConcern").asInt()).isEqualTo(2);
            // Within the bounds, the destination gets exactly the source's options.
            try (ArangoClient s = source();
                    ArangoClient dd = destination()) {
                List<String> differences =
                        StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(dd))
                                .differences()
                                .stream()
                                .filter(
                                        l ->
                                                l.startsWith("database narrow")
                                                        || l.startsWith("collection narrow/")
                                                        || l.startsWith("database one")
                                                        || l.startsWith("collection one/"))
                                .toList();
                assertThat(differences).isEmpty();
                assertThat(StructureSnapshot.read(dd)).containsKey("collection narrow/single");
                // a OneShard database: every collection follows _graphs, on the destination too
                assertThat(
                                StructureSnapshot.read(dd)
                                        .get("collection one/second")
                                        .path("distributeShardsLike")
                                        .asText())
                        .isEqualTo("_graphs");
                assertThat(
                                d.call("GET", "/_db/one/_api/database/current", null)
                                        .path("result")
                                        .path("sharding")
                                        .asText())
                        .isEqualTo("single");
            }
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void filterRulesChangeThroughASavepointWithoutRecopying() throws Exception {
        Workload w = new Workload(clusters.source().coordinatorUrl(), 41);
        Http h = w.http();
        w.createDatabase("keep");
        w.createDatabase("skip");
        for (String c : List.of("a", "b", "tmp_x")) {
            w.createCollection("keep", c, 2, false);
            insert(h, "keep", c, 0, 0, 50);
        }
        w.createCollection("skip", "s", 1, false);
        insert(h, "skip", "s", 0, 0, 10);

        JobClient job =
                clusters.startWith(
                        2,
                        null,
                        o -> {
                            o.setString("filter.exclude-databases", "skip");
                            o.setString("filter.exclude-collections", "keep/b;tmp_.*");
                        });
        awaitEqual(k -> k.equals("keep/a"));
        try (ArangoClient d = destination()) {
            assertThat(d.databases()).doesNotContain("skip");
            assertThat(contents(d).keySet()).doesNotContain("keep/b", "keep/tmp_x");
        }
        String savepoint = clusters.stopWithSavepoint(job);

        insert(h, "keep", "a", 1, 50, 10); // written while stopped; "a" is excluded from now on
        Map<String, JsonNode> aBefore;
        try (ArangoClient d = destination()) {
            aBefore = contents(d).get("keep/a");
        }
        job =
                clusters.startWith(
                        2,
                        savepoint,
                        o -> {
                            o.setString("filter.exclude-databases", "skip");
                            o.setString("filter.exclude-collections", "keep/a");
                        });
        try {
            awaitEqual(k -> k.equals("keep/b") || k.equals("keep/tmp_x"));
            try (ArangoClient d = destination()) {
                assertThat(contents(d).get("keep/a"))
                        .as("an excluded collection stops and stays as it was")
                        .isEqualTo(aBefore);
                assertThat(d.databases()).doesNotContain("skip");
            }
            savepoint = clusters.stopWithSavepoint(job);
            // Told to, a newly excluded collection is dropped on the destination.
            job =
                    clusters.startWith(
                            2,
                            savepoint,
                            o -> {
                                o.setString("filter.exclude-databases", "skip");
                                o.setString("filter.exclude-collections", "keep/a;tmp_.*");
                                o.setString("filter.drop-excluded", "true");
                            });
            try (ArangoClient d = destination()) {
                Waits.until(
                        "keep/tmp_x to be dropped on the destination",
                        TIMEOUT,
                        () -> !collectionNames(d, "keep").contains("tmp_x"),
                        () -> collectionNames(d, "keep").toString());
                assertThat(collectionNames(d, "keep")).contains("a", "b");
            }
            awaitEqual(k -> k.equals("keep/b"));
        } finally {
            job.cancel().get();
        }
    }

    private static List<String> collectionNames(ArangoClient c, String db) {
        return c.collections(db).stream().map(info -> info.name()).toList();
    }

    @Test
    void systemCollectionsOfTheServerItselfAreNeverReplicated() throws Exception {
        Http h = new Http(clusters.source().coordinatorUrl());
        h.call("POST", "/_api/document/_frontend", "{\"_key\":\"ui\",\"model\":\"source\"}");
        h.call(
                "POST",
                "/_api/document/_aqlfunctions",
                "{\"_key\":\"MY::F\",\"name\":\"MY::F\",\"code\":\"(function () {"
                        + " return 1; })\",\"isDeterministic\":true}");
        JobClient job = clusters.start(1);
        try {
            Http d = new Http(clusters.destination().coordinatorUrl());
            // _aqlfunctions replicates as data; once its document is there, the snapshot of the
            // system collections has run, and _frontend must still be without the source's.
            Waits.until(
                    "the AQL function document to arrive",
                    TIMEOUT,
                    () -> d.status("GET", "/_api/document/_aqlfunctions/MY::F") == 200,
                    () -> "missing");
            assertThat(d.status("GET", "/_api/document/_frontend/ui")).isEqualTo(404);
        } finally {
            job.cancel().get();
        }
    }

    /** Inserts {@code count} documents with keys {@code k<from>…}, marked with the incarnation. */
    private static void insert(Http h, String db, String c, int incarnation, int from, int count) {
        List<ObjectNode> docs = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ObjectNode doc = Http.JSON.createObjectNode();
            doc.put("_key", "k" + i);
            doc.put("incarnation", incarnation);
            doc.put("text", "document " + i + " of incarnation " + incarnation);
            docs.add(doc);
        }
        h.call("POST", "/_db/" + db + "/_api/document/" + c, docs);
    }

    private void awaitEqual(Predicate<String> collections) {
        try (ArangoClient s = source();
                ArangoClient d = destination()) {
            Waits.until(
                    "the destination's filtered collections to equal the source's",
                    TIMEOUT,
                    () -> diff(s, d, collections).isEmpty(),
                    () -> diff(s, d, collections).summary(10));
            assertThat(contents(s).keySet()).anyMatch(collections);
        }
    }

    private static ContentDiff diff(ArangoClient s, ArangoClient d, Predicate<String> which) {
        return ContentDiff.of(filtered(contents(s), which), filtered(contents(d), which));
    }

    private static Map<String, Map<String, JsonNode>> filtered(
            Map<String, Map<String, JsonNode>> all, Predicate<String> which) {
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        all.forEach(
                (k, v) -> {
                    if (which.test(k)) {
                        out.put(k, v);
                    }
                });
        return out;
    }

    private static Map<String, Map<String, JsonNode>> contents(ArangoClient c) {
        return ClusterContents.read(c);
    }

    private void awaitSameStructure(Predicate<String> area) {
        try (ArangoClient s = source();
                ArangoClient d = destination()) {
            Waits.until(
                    "the destination's structure to equal the source's",
                    TIMEOUT,
                    () -> differences(s, d, area).isEmpty(),
                    () -> differences(s, d, area).toString());
        }
    }

    private static List<String> differences(
            ArangoClient s, ArangoClient d, Predicate<String> area) {
        return StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(d))
                .differences()
                .stream()
                .filter(area)
                .toList();
    }

    private ArangoClient source() {
        return ArangoClient.connect(Replication.spec("source", clusters.source()));
    }

    private ArangoClient destination() {
        return ArangoClient.connect(Replication.spec("destination", clusters.destination()));
    }
}
