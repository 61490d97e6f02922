package io.dc2dc.sink.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analyzers and views brought from one emulated cluster to another by {@link MetadataSync}'s parts
 * over real HTTP, pass by pass: creation, links that wait for their collection, changes that patch,
 * changes that need re-creation, drops, and passes over an equal destination that change nothing.
 */
class MetadataPartsITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = "shop";

    private Emulator sourceCluster;
    private Emulator destinationCluster;
    private ArangoClient source;
    private ArangoClient destination;
    private MetadataSync sync;

    @BeforeEach
    void start() {
        sourceCluster = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
        destinationCluster = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
        ClusterSpec s =
                ClusterSpec.unauthenticated("source", List.of(sourceCluster.coordinatorUrl()));
        ClusterSpec d =
                ClusterSpec.unauthenticated(
                        "destination", List.of(destinationCluster.coordinatorUrl()));
        source = ArangoClient.connect(s);
        destination = ArangoClient.connect(d);
        sync = new MetadataSync(s, d, StructureOptions.DEFAULTS);
        for (ArangoClient c : List.of(source, destination)) {
            c.createDatabase(DB, null);
            c.createCollection(DB, json("{'name':'books','numberOfShards':2}"));
            c.send(
                    "POST",
                    DB,
                    "/_api/index?collection=books",
                    json("{'type':'inverted','name':'inv','fields':['title']}"));
        }
    }

    @AfterEach
    void stop() {
        sync.close();
        source.close();
        destination.close();
        sourceCluster.close();
        destinationCluster.close();
    }

    @Test
    void analyzersAndViewsArriveAndAPassOverAnEqualDestinationChangesNothing() {
        source.createCollection(DB, json("{'name':'films'}"));
        source.send(
                "POST",
                DB,
                "/_api/analyzer",
                json(
                        "{'name':'words','type':'text','properties':{'locale':'en'},'features':['frequency','position']}"));
        source.send(
                "POST", "_system", "/_api/analyzer", json("{'name':'global','type':'identity'}"));
        source.send(
                "POST",
                DB,
                "/_api/view",
                json(
                        "{'name':'search','type':'arangosearch','commitIntervalMsec':500,"
                                + "'primarySort':[{'field':'title','asc':true}],"
                                + "'links':{'books':{'fields':{'title':{'analyzers':['words']}}},"
                                + "'films':{'includeAllFields':true}}}"));
        source.send(
                "POST",
                DB,
                "/_api/view",
                json(
                        "{'name':'alias','type':'search-alias',"
                                + "'indexes':[{'collection':'books','index':'inv'}]}"));

        syncOnce(List.of(DB));
        assertThat(AnalyzerSync.read(destination, DB)).isEqualTo(AnalyzerSync.read(source, DB));
        assertThat(AnalyzerSync.read(destination, "_system")).isEmpty(); // _system not replicated
        Map<String, ObjectNode> views = ViewSync.read(destination, DB);
        assertThat(views).containsOnlyKeys("search", "alias");
        assertThat(views.get("alias")).isEqualTo(ViewSync.read(source, DB).get("alias"));
        // films does not exist on the destination yet: its link waits for it
        assertThat(views.get("search").path("links").has("films")).isFalse();

        destination.createCollection(DB, json("{'name':'films'}"));
        syncOnce(List.of(DB, "_system"));
        assertThat(ViewSync.read(destination, DB)).isEqualTo(ViewSync.read(source, DB));
        assertThat(AnalyzerSync.read(destination, "_system"))
                .isEqualTo(AnalyzerSync.read(source, "_system"));

        Map<String, String> ids = viewIds(destination);
        Map<String, String> revisions = analyzerRevisions(destination);
        syncOnce(List.of(DB, "_system"));
        assertThat(viewIds(destination)).isEqualTo(ids);
        assertThat(revisions).hasSize(2);
        assertThat(analyzerRevisions(destination)).isEqualTo(revisions);
        assertThat(
                        AnalyzerSync.plan(
                                        AnalyzerSync.read(source, DB),
                                        AnalyzerSync.read(destination, DB))
                                .isEmpty())
                .isTrue();
    }

    @Test
    void changesAndDropsFollow() {
        source.send(
                "POST",
                DB,
                "/_api/analyzer",
                json("{'name':'tags','type':'delimiter','properties':{'delimiter':','}}"));
        source.send("POST", DB, "/_api/analyzer", json("{'name':'plain','type':'identity'}"));
        source.send(
                "POST",
                DB,
                "/_api/view",
                json(
                        "{'name':'search','type':'arangosearch',"
                                + "'links':{'books':{'fields':{'tags':{'analyzers':['tags']}}}}}"));
        source.send(
                "POST",
                DB,
                "/_api/view",
                json(
                        "{'name':'sorted','type':'arangosearch','primarySort':[{'field':'a','asc':true}]}"));
        source.send(
                "POST",
                DB,
                "/_api/view",
                json(
                        "{'name':'alias','type':'search-alias',"
                                + "'indexes':[{'collection':'books','index':'inv'}]}"));
        syncOnce(List.of(DB));
        assertThat(ViewSync.read(destination, DB)).isEqualTo(ViewSync.read(source, DB));
        Map<String, String> ids = viewIds(destination);

        // an analyzer replaced under the same name (analyzers are immutable), one dropped
        source.send("DELETE", DB, "/_api/analyzer/tags?force=true", null);
        source.send(
                "POST",
                DB,
                "/_api/analyzer",
                json("{'name':'tags','type':'delimiter','properties':{'delimiter':';'}}"));
        source.send("DELETE", DB, "/_api/analyzer/plain", null);
        // a setting that can change, a link removed, a view re-created with another primary
        // sort, a view dropped
        source.send(
                "PATCH",
                DB,
                "/_api/view/search/properties",
                json("{'consolidationIntervalMsec':20000,'links':{'books':null}}"));
        source.send("DELETE", DB, "/_api/view/sorted", null);
        source.send(
                "POST",
                DB,
                "/_api/view",
                json(
                        "{'name':'sorted','type':'arangosearch','primarySort':[{'field':'b','asc':false}]}"));
        source.send("DELETE", DB, "/_api/view/alias", null);

        syncOnce(List.of(DB));
        assertThat(AnalyzerSync.read(destination, DB)).isEqualTo(AnalyzerSync.read(source, DB));
        assertThat(AnalyzerSync.read(destination, DB)).containsOnlyKeys("tags");
        Map<String, ObjectNode> views = ViewSync.read(destination, DB);
        assertThat(views).isEqualTo(ViewSync.read(source, DB));
        assertThat(views).containsOnlyKeys("search", "sorted");
        Map<String, String> after = viewIds(destination);
        assertThat(after.get("search")).isEqualTo(ids.get("search")); // patched in place
        assertThat(after.get("sorted")).isNotEqualTo(ids.get("sorted")); // re-created
    }

    private void syncOnce(List<String> databases) {
        sync.sync(databases);
        assertThat(sync.failingAreas()).isEmpty();
    }

    private static Map<String, String> viewIds(ArangoClient client) {
        Map<String, String> ids = new TreeMap<>();
        for (JsonNode v : client.get(DB, "/_api/view").path("result")) {
            ids.put(v.path("name").asText(), v.path("id").asText());
        }
        return ids;
    }

    /** The {@code _rev}s of the analyzers' documents: any write changes them. */
    private static Map<String, String> analyzerRevisions(ArangoClient client) {
        Map<String, String> revs = new TreeMap<>();
        for (String db : List.of(DB, "_system")) {
            for (String name : AnalyzerSync.read(client, db).keySet()) {
                JsonNode doc = client.get(db, "/_api/document/_analyzers/" + name);
                revs.put(db + "::" + name, doc.path("_rev").asText());
            }
        }
        return revs;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
