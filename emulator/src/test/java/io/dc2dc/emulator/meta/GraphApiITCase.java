package io.dc2dc.emulator.meta;

import static io.dc2dc.emulator.meta.Checks.error;
import static io.dc2dc.emulator.meta.Checks.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /_api/gharial}: graphs in {@code _graphs}, created collections, definitions, documents.
 */
class GraphApiITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(3).build());

    private static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(EMU.emulator().coordinatorUrl());
    }

    @Test
    void createStoresTheGraphAndCreatesItsCollections() {
        JsonNode g =
                ok(
                        http.post(
                                "/_api/gharial",
                                "{\"name\":\"social\",\"edgeDefinitions\":[{\"collection\":\"relation\","
                                        + "\"from\":[\"male\",\"female\"],\"to\":[\"female\",\"male\"]}],\"orphanCollections\":[\"lonely\"],"
                                        + "\"options\":{\"numberOfShards\":2,\"replicationFactor\":2}}"),
                        202);
        JsonNode graph = g.get("graph");
        assertThat(graph.get("name").asText()).isEqualTo("social");
        assertThat(graph.get("_id").asText()).isEqualTo("_graphs/social");
        assertThat(graph.get("edgeDefinitions").get(0).get("from").toString())
                .isEqualTo("[\"female\",\"male\"]");
        assertThat(graph.get("numberOfShards").asInt()).isEqualTo(2);

        JsonNode stored = ok(http.get("/_api/document/_graphs/social"), 200);
        assertThat(stored.get("replicationFactor").asInt()).isEqualTo(2);
        assertThat(stored.get("isSmart").asBoolean()).isFalse();
        assertThat(stored.get("orphanCollections").toString()).isEqualTo("[\"lonely\"]");

        JsonNode relation = ok(http.get("/_api/collection/relation/properties"), 200);
        assertThat(relation.get("type").asInt()).isEqualTo(3);
        assertThat(relation.get("numberOfShards").asInt()).isEqualTo(2);
        assertThat(ok(http.get("/_api/collection/female/properties"), 200).get("type").asInt())
                .isEqualTo(2);
        assertThat(
                        ok(http.get("/_api/collection/lonely/properties"), 200)
                                .get("replicationFactor")
                                .asInt())
                .isEqualTo(2);

        error(
                http.post("/_api/gharial", "{\"name\":\"social\",\"edgeDefinitions\":[]}"),
                409,
                1925);
        error(
                http.post(
                        "/_api/gharial",
                        "{\"name\":\"bad\",\"edgeDefinitions\":[{\"collection\":\"x\",\"from\":[]}]}"),
                400,
                1923);
        error(
                http.post(
                        "/_api/gharial",
                        "{\"name\":\"clash\",\"edgeDefinitions\":[{\"collection\":\"relation\",\"from\":[\"a\"],\"to\":[\"b\"]}]}"),
                400,
                1921);
        error(http.get("/_api/gharial/nope"), 404, 1924);
        assertThat(ok(http.get("/_api/gharial"), 200).get("graphs")).hasSize(1);
        assertThat(ok(http.get("/_api/gharial/social/vertex"), 200).get("collections").toString())
                .isEqualTo("[\"female\",\"lonely\",\"male\"]");

        // definitions and vertex collections
        JsonNode added =
                ok(
                        http.post(
                                "/_api/gharial/social/edge",
                                "{\"collection\":\"works_in\",\"from\":[\"female\"],\"to\":[\"city\"]}"),
                        202);
        assertThat(added.get("graph").get("edgeDefinitions")).hasSize(2);
        assertThat(ok(http.get("/_api/gharial/social/edge"), 200).get("collections").toString())
                .isEqualTo("[\"relation\",\"works_in\"]");
        error(http.delete("/_api/gharial/social/vertex/male"), 400, 1928);
        ok(http.delete("/_api/gharial/social/vertex/lonely"), 202);
        JsonNode removed = ok(http.delete("/_api/gharial/social/edge/works_in"), 202);
        assertThat(removed.get("graph").get("orphanCollections").toString())
                .isEqualTo("[\"city\"]");
        error(
                http.put(
                        "/_api/gharial/social/edge/nothere",
                        "{\"collection\":\"nothere\",\"from\":[\"a\"],\"to\":[\"b\"]}"),
                404,
                1930);

        assertThat(
                        ok(http.delete("/_api/gharial/social?dropCollections=true"), 202)
                                .get("removed")
                                .asBoolean())
                .isTrue();
        error(http.get("/_api/collection/relation"), 404, 1203);
        error(http.get("/_api/document/_graphs/social"), 404, 1202);
    }

    @Test
    void verticesAndEdgesFollowTheGraphRules() {
        ok(
                http.post(
                        "/_api/gharial",
                        "{\"name\":\"routes\",\"edgeDefinitions\":[{\"collection\":\"road\",\"from\":[\"city\"],\"to\":[\"city\"]}],\"orphanCollections\":[\"misc\"]}"),
                202);
        JsonNode v =
                ok(
                        http.post(
                                "/_api/gharial/routes/vertex/city",
                                "{\"_key\":\"bonn\",\"pop\":1}"),
                        202);
        assertThat(v.get("vertex").get("_id").asText()).isEqualTo("city/bonn");
        ok(http.post("/_api/gharial/routes/vertex/city", "{\"_key\":\"koeln\"}"), 202);
        ok(http.post("/_api/gharial/routes/vertex/misc", "{\"_key\":\"m\"}"), 202);
        error(http.post("/_api/gharial/routes/vertex/road", "{}"), 404, 1926);

        JsonNode e =
                ok(
                        http.post(
                                "/_api/gharial/routes/edge/road",
                                "{\"_from\":\"city/bonn\",\"_to\":\"city/koeln\"}"),
                        202);
        String edgeKey = e.get("edge").get("_key").asText();
        error(
                http.post(
                        "/_api/gharial/routes/edge/road",
                        "{\"_from\":\"misc/m\",\"_to\":\"city/koeln\"}"),
                400,
                1906);
        error(
                http.post(
                        "/_api/gharial/routes/edge/road",
                        "{\"_from\":\"city/nowhere\",\"_to\":\"city/koeln\"}"),
                404,
                1202);
        error(http.post("/_api/gharial/routes/edge/road", "{\"_to\":\"city/koeln\"}"), 400, 1233);

        JsonNode got = ok(http.get("/_api/gharial/routes/edge/road/" + edgeKey), 200);
        assertThat(got.get("edge").get("_from").asText()).isEqualTo("city/bonn");
        assertThat(got.get("edge").get("_rev").asText())
                .isEqualTo(http.get("/_api/gharial/routes/edge/road/" + edgeKey).header("etag"));
        JsonNode patched =
                ok(
                        http.patch(
                                "/_api/gharial/routes/vertex/city/bonn?returnNew=true",
                                "{\"pop\":2}"),
                        202);
        assertThat(patched.get("vertex").has("_oldRev")).isTrue();
        assertThat(patched.get("new").get("pop").asInt()).isEqualTo(2);
        ok(
                http.put(
                        "/_api/gharial/routes/edge/road/" + edgeKey,
                        "{\"_from\":\"city/koeln\",\"_to\":\"city/bonn\"}"),
                202);

        // removing a vertex removes the edges touching it
        assertThat(
                        ok(http.delete("/_api/gharial/routes/vertex/city/bonn"), 202)
                                .get("removed")
                                .asBoolean())
                .isTrue();
        error(http.get("/_api/document/road/" + edgeKey), 404, 1202);
        error(http.get("/_api/gharial/routes/vertex/city/bonn"), 404, 1202);
        ok(http.delete("/_api/gharial/routes?dropCollections=true"), 202);
    }

    @Test
    void smartAndSatelliteOptionsReachTheCollections() {
        ok(
                http.post(
                        "/_api/gharial",
                        "{\"name\":\"smart\",\"isSmart\":true,\"edgeDefinitions\":[{\"collection\":\"sEdges\","
                                + "\"from\":[\"sStart\"],\"to\":[\"sEnd\"]}],\"options\":{\"numberOfShards\":3,\"smartGraphAttribute\":\"region\","
                                + "\"satellites\":[\"sEnd\"],\"replicationFactor\":2}}"),
                202);
        JsonNode doc = ok(http.get("/_api/gharial/smart"), 200).get("graph");
        assertThat(doc.get("isSmart").asBoolean()).isTrue();
        assertThat(doc.get("smartGraphAttribute").asText()).isEqualTo("region");
        assertThat(doc.get("initial").asText()).isEqualTo("sEnd");
        JsonNode start = ok(http.get("/_api/collection/sStart/properties"), 200);
        assertThat(start.get("isSmart").asBoolean()).isTrue();
        assertThat(start.get("smartGraphAttribute").asText()).isEqualTo("region");
        assertThat(start.get("numberOfShards").asInt()).isEqualTo(3);
        assertThat(
                        ok(http.get("/_api/collection/sEnd/properties"), 200)
                                .get("replicationFactor")
                                .asText())
                .isEqualTo("satellite");
        ok(http.delete("/_api/gharial/smart?dropCollections=true"), 202);
    }
}
