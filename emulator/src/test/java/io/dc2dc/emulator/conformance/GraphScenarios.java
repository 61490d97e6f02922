package io.dc2dc.emulator.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays of the gharial (named graph) transcripts, an area added to the emulator later. Most
 * examples load ArangoDB's "social" example graph, rebuilt here through the gharial API: vertex
 * collections {@code female} (alice, diana) and {@code male} (bob, charly), edge collection {@code
 * relation}. The Enterprise-only graph kinds (smart, disjoint, satellite, enterprise) are not
 * replayed.
 */
final class GraphScenarios {

    private static final String SOCIAL = "social";

    private GraphScenarios() {}

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (String file :
                List.of(
                        "HttpGharialAddEdge.txt",
                        "HttpGharialAddEdgeCol.txt",
                        "HttpGharialAddVertex.txt",
                        "HttpGharialAddVertexCol.txt",
                        "HttpGharialDeleteVertex.txt",
                        "HttpGharialDrop.txt",
                        "HttpGharialEdgeDefinitionRemove.txt",
                        "HttpGharialGetVertex.txt",
                        "HttpGharialListEdge.txt",
                        "HttpGharialListVertex.txt",
                        "HttpGharialModifyVertex.txt",
                        "HttpGharialRemoveVertexCollectionFailed.txt",
                        "HttpGharialReplaceEdgeCol.txt",
                        "HttpGharialReplaceVertex.txt")) {
            all.add(social(file, false));
        }
        for (String file :
                List.of(
                        "HttpGharialDeleteEdge.txt",
                        "HttpGharialGetEdge.txt",
                        "HttpGharialPatchEdge.txt",
                        "HttpGharialPutEdge.txt")) {
            all.add(social(file, true));
        }
        all.add(
                Scenario.of("HttpGharialRemoveVertexCollection.txt", Area.GRAPHS)
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropCollection("otherNodes");
                                    loadSocial(ctx.fixture);
                                    ctx.fixture.call(
                                            "POST",
                                            "/_api/gharial/social/vertex",
                                            Fixture.json("{'collection':'otherNodes'}"),
                                            201,
                                            202);
                                })
                        .cleanup(
                                f -> {
                                    dropGraph(f, SOCIAL);
                                    f.dropCollection("otherNodes");
                                }));
        all.add(
                Scenario.of("HttpGharialList.txt", Area.GRAPHS)
                        .setup(
                                ctx -> {
                                    loadSocial(ctx.fixture);
                                    dropGraph(ctx.fixture, "routeplanner");
                                    createGraph(
                                            ctx.fixture,
                                            "routeplanner",
                                            "[{'collection':'germanHighway','from':['germanCity'],'to':['germanCity']}]");
                                })
                        .cleanup(
                                f -> {
                                    dropGraph(f, SOCIAL);
                                    dropGraph(f, "routeplanner");
                                }));
        all.add(myGraph("HttpGharialCreate.txt", false));
        all.add(myGraph("HttpGharialGetGraph.txt", true));
        all.forEach(s -> s.rules(Tolerances::clusterGraph));
        return List.copyOf(all);
    }

    /** {@code examples.loadGraph("social")}; {@code bindEdge}: the recorded edge key → one edge. */
    private static Scenario social(String file, boolean bindEdge) {
        return Scenario.of(file, Area.GRAPHS)
                .setup(
                        ctx -> {
                            ctx.fixture.dropCollection("works_in");
                            List<String> edges = loadSocial(ctx.fixture);
                            if (bindEdge) {
                                ctx.bind(
                                        ctx.recordedKey(0),
                                        edges.get(2)); // charly -> diana, as recorded
                            }
                        })
                .cleanup(
                        f -> {
                            dropGraph(f, SOCIAL);
                            f.dropCollection("works_in");
                            f.dropCollection("relation");
                        });
    }

    private static Scenario myGraph(String file, boolean exists) {
        return Scenario.of(file, Area.GRAPHS)
                .setup(
                        ctx -> {
                            dropGraph(ctx.fixture, "myGraph");
                            if (exists) {
                                createGraph(
                                        ctx.fixture,
                                        "myGraph",
                                        "[{'collection':'edges','from':['startNodes'],'to':['endNodes']}]");
                            }
                        })
                .cleanup(f -> dropGraph(f, "myGraph"));
    }

    private static void createGraph(Fixture f, String name, String edgeDefinitions) {
        f.call(
                "POST",
                "/_api/gharial",
                Fixture.json("{'edgeDefinitions':" + edgeDefinitions + "}", "name", name),
                201,
                202);
    }

    private static void dropGraph(Fixture f, String name) {
        f.call(
                "DELETE",
                "/_api/gharial/" + name + "?dropCollections=true",
                null,
                200,
                201,
                202,
                404);
    }

    /** Rebuilds the social graph; returns the edge keys in creation order. */
    private static List<String> loadSocial(Fixture f) {
        dropGraph(f, SOCIAL);
        createGraph(
                f,
                SOCIAL,
                "[{'collection':'relation','from':['female','male'],'to':['female','male']}]");
        vertex(f, "female", "alice", "Alice");
        vertex(f, "male", "bob", "Bob");
        vertex(f, "male", "charly", "Charly");
        vertex(f, "female", "diana", "Diana");
        List<String> edges = new ArrayList<>();
        edges.add(edge(f, "female/alice", "male/bob", "married", "alice"));
        edges.add(edge(f, "female/alice", "male/charly", "friend", "alice"));
        edges.add(edge(f, "male/charly", "female/diana", "married", "charly"));
        edges.add(edge(f, "male/bob", "female/diana", "friend", "bob"));
        return edges;
    }

    private static void vertex(Fixture f, String collection, String key, String name) {
        f.call(
                "POST",
                "/_api/gharial/social/vertex/" + collection,
                Fixture.json("{}", "_key", key, "name", name),
                201,
                202);
    }

    private static String edge(Fixture f, String from, String to, String type, String vertex) {
        return f.call(
                        "POST",
                        "/_api/gharial/social/edge/relation",
                        Fixture.json(
                                "{}", "_from", from, "_to", to, "type", type, "vertex", vertex),
                        201,
                        202)
                .path("edge")
                .path("_key")
                .asText();
    }
}
