package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.service.CollectionService;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Named graphs ({@code /_api/gharial}) as documents of each database's {@code _graphs} collection,
 * in the form a 3.12 coordinator persists them:
 *
 * <pre>{"_key":"social","numberOfShards":1,"replicationFactor":1,"minReplicationFactor":1,
 *  "writeConcern":1,"isSmart":false,"isSatellite":false,
 *  "edgeDefinitions":[{"collection":"relation","from":["female","male"],"to":["female","male"]}],
 *  "orphanCollections":[]}</pre>
 *
 * Creating a graph or adding a definition creates the collections it names that do not exist yet
 * (edge collections for definitions, document collections for vertices) with the graph's sharding
 * options. Serialised by the cluster's DDL lock.
 */
public final class Graphs {
    static final String COLLECTION = "_graphs";

    private final Cluster cluster;
    private final CollectionService collections;
    private final SystemDocuments docs;

    public Graphs(Cluster cluster, CollectionService collections, SystemDocuments docs) {
        this.cluster = cluster;
        this.collections = collections;
        this.docs = docs;
    }

    /** {@code POST /_api/gharial}; returns the stored graph document. */
    public ObjectNode create(Database db, ObjectNode body) {
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw new ApiException(400, 1922, "graph name is missing");
        }
        ArrayNode defs = definitions(body.path("edgeDefinitions"));
        ArrayNode orphans = names(body.path("orphanCollections"), 1943, "orphan collections");
        JsonNode options = body.path("options");
        boolean smart = body.path("isSmart").asBoolean(false);
        boolean satellite = "satellite".equals(options.path("replicationFactor").asText());
        cluster.ddl().lock();
        try {
            if (docs.get(db, COLLECTION, name.asText()) != null) {
                throw new ApiException(409, 1925, "graph already exists");
            }
            for (JsonNode d : defs) {
                checkEdgeUse(db, name.asText(), (ObjectNode) d);
            }
            ObjectNode doc = Json.object();
            doc.put("_key", name.asText());
            doc.put("numberOfShards", satellite ? 1 : options.path("numberOfShards").asInt(1));
            if (satellite) {
                doc.put("replicationFactor", "satellite");
            } else {
                doc.put(
                        "replicationFactor",
                        options.path("replicationFactor").asInt(db.replicationFactor()));
                int wc =
                        options.path("writeConcern")
                                .asInt(
                                        options.path("minReplicationFactor")
                                                .asInt(db.writeConcern()));
                doc.put("minReplicationFactor", wc);
                doc.put("writeConcern", wc);
            }
            doc.put("isSmart", smart);
            doc.put("isSatellite", satellite);
            doc.set("edgeDefinitions", defs);
            doc.set("orphanCollections", withoutUsed(orphans, defs));
            if (smart) {
                List<String> vertices = vertexCollections(doc);
                if (!vertices.isEmpty()) {
                    doc.put("initial", vertices.get(0));
                }
                if (options.path("smartGraphAttribute").isTextual()) {
                    doc.set("smartGraphAttribute", options.get("smartGraphAttribute"));
                }
                doc.put(
                        "isDisjoint",
                        body.path("isDisjoint")
                                .asBoolean(options.path("isDisjoint").asBoolean(false)));
            }
            createMissing(db, doc, options.path("satellites"));
            return docs.insert(db, COLLECTION, doc);
        } finally {
            cluster.ddl().unlock();
        }
    }

    public List<ObjectNode> list(Database db) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode d : docs.all(db, COLLECTION)) {
            d.set("name", d.get("_key"));
            out.add(d);
        }
        return out;
    }

    /** The stored graph document, or 404/1924. */
    public ObjectNode get(Database db, String graph) {
        ObjectNode d = docs.get(db, COLLECTION, graph);
        if (d == null) {
            throw new ApiException(404, 1924, "graph '" + graph + "' not found");
        }
        return d;
    }

    /** Drops a graph; with {@code dropCollections} also its collections no other graph uses. */
    public void drop(Database db, String graph, boolean dropCollections) {
        cluster.ddl().lock();
        try {
            ObjectNode g = get(db, graph);
            docs.remove(db, COLLECTION, graph);
            if (dropCollections) {
                List<String> all = new ArrayList<>(edgeCollections(g));
                all.addAll(vertexCollections(g));
                dropUnused(db, all);
            }
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Adds an orphan vertex collection (created when missing). */
    public ObjectNode addVertexCollection(Database db, String graph, ObjectNode body) {
        String c = body.path("collection").asText("");
        if (c.isEmpty()) {
            throw new ApiException(400, 1936, "Invalid parameter type.");
        }
        return change(
                db,
                graph,
                g -> {
                    if (vertexCollections(g).contains(c)) {
                        throw new ApiException(400, 1938, "collection already used in orphans");
                    }
                    ((ArrayNode) g.get("orphanCollections")).add(c);
                    createMissing(db, g, body.path("options").path("satellites"));
                });
    }

    /** Removes an orphan collection (400/1928 if an edge definition uses it). */
    public ObjectNode removeVertexCollection(
            Database db, String graph, String c, boolean dropCollection) {
        return change(
                db,
                graph,
                g -> {
                    ArrayNode orphans = (ArrayNode) g.get("orphanCollections");
                    if (!vertexCollections(g).contains(c)) {
                        throw new ApiException(
                                404,
                                1926,
                                "vertex collection does not exist or is not part of the graph");
                    }
                    if (!remove(orphans, c)) {
                        throw new ApiException(
                                400, 1928, "collection is not in list of orphan collections");
                    }
                    if (dropCollection) {
                        dropUnusedAfter(db, graph, List.of(c));
                    }
                });
    }

    /** Adds an edge definition; its collections are created when missing. */
    public ObjectNode addEdgeDefinition(Database db, String graph, ObjectNode body) {
        ObjectNode def = definition(body);
        return change(
                db,
                graph,
                g -> {
                    if (edgeCollections(g).contains(def.get("collection").asText())) {
                        throw new ApiException(
                                400, 1920, "multi use of edge collection in edge def");
                    }
                    checkEdgeUse(db, graph, def);
                    ((ArrayNode) g.get("edgeDefinitions")).add(def);
                    g.set(
                            "orphanCollections",
                            withoutUsed(
                                    (ArrayNode) g.get("orphanCollections"),
                                    (ArrayNode) g.get("edgeDefinitions")));
                    createMissing(db, g, body.path("options").path("satellites"));
                });
    }

    /** Replaces the definition of edge collection {@code c} (404/1930 if the graph lacks it). */
    public ObjectNode replaceEdgeDefinition(Database db, String graph, String c, ObjectNode body) {
        ObjectNode def = definition(body);
        if (!def.get("collection").asText().equals(c)) {
            throw new ApiException(400, 1923, "malformed edge definition");
        }
        return change(
                db,
                graph,
                g -> {
                    List<String> before = vertexCollections(g);
                    replaceDefinition(g, c, def);
                    checkEdgeUse(db, graph, def);
                    keepAsOrphans(g, before);
                    createMissing(db, g, body.path("options").path("satellites"));
                });
    }

    /** Removes the definition of edge collection {@code c}; its vertices may become orphans. */
    public ObjectNode removeEdgeDefinition(
            Database db, String graph, String c, boolean dropCollections) {
        return change(
                db,
                graph,
                g -> {
                    List<String> before = vertexCollections(g);
                    replaceDefinition(g, c, null);
                    keepAsOrphans(g, before);
                    if (dropCollections) {
                        dropUnusedAfter(db, graph, List.of(c));
                    }
                });
    }

    /** Every vertex collection (edge definition ends and orphans), sorted. */
    public static List<String> vertexCollections(ObjectNode g) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode d : g.path("edgeDefinitions")) {
            d.path("from").forEach(n -> out.add(n.asText()));
            d.path("to").forEach(n -> out.add(n.asText()));
        }
        g.path("orphanCollections").forEach(n -> out.add(n.asText()));
        return new ArrayList<>(out);
    }

    /** The edge collections of the graph's definitions, sorted. */
    public static List<String> edgeCollections(ObjectNode g) {
        TreeSet<String> out = new TreeSet<>();
        g.path("edgeDefinitions").forEach(d -> out.add(d.path("collection").asText()));
        return new ArrayList<>(out);
    }

    /** The definition for edge collection {@code c}, or null. */
    public static JsonNode edgeDefinition(ObjectNode g, String c) {
        for (JsonNode d : g.path("edgeDefinitions")) {
            if (d.path("collection").asText().equals(c)) {
                return d;
            }
        }
        return null;
    }

    /** A graph as gharial prints it: attributes, then {@code _rev}, {@code _id}, {@code name}. */
    public static ObjectNode forClient(ObjectNode doc) {
        ObjectNode o = Json.object();
        o.set("_key", doc.get("_key"));
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_") && !e.getKey().equals("name")) {
                o.set(e.getKey(), e.getValue());
            }
        }
        o.set("_rev", doc.get("_rev"));
        o.set("_id", doc.get("_id"));
        o.set("name", doc.get("_key"));
        return o;
    }

    // ------------------------------------------------------------------ internals

    private ObjectNode change(Database db, String graph, Consumer<ObjectNode> edit) {
        cluster.ddl().lock();
        try {
            ObjectNode g = get(db, graph).deepCopy();
            g.remove(List.of("_id", "_rev"));
            edit.accept(g);
            return docs.replace(db, COLLECTION, graph, g);
        } finally {
            cluster.ddl().unlock();
        }
    }

    private static void replaceDefinition(ObjectNode g, String c, ObjectNode def) {
        ArrayNode defs = (ArrayNode) g.get("edgeDefinitions");
        for (int i = 0; i < defs.size(); i++) {
            if (defs.get(i).path("collection").asText().equals(c)) {
                if (def == null) {
                    defs.remove(i);
                } else {
                    defs.set(i, def);
                }
                return;
            }
        }
        throw new ApiException(404, 1930, "edge collection not used in graph");
    }

    /** Vertex collections that dropped out of every definition stay in the graph as orphans. */
    private static void keepAsOrphans(ObjectNode g, List<String> before) {
        List<String> now = vertexCollections(g);
        ArrayNode orphans = (ArrayNode) g.get("orphanCollections");
        for (String c : before) {
            if (!now.contains(c)) {
                orphans.add(c);
            }
        }
        g.set("orphanCollections", withoutUsed(orphans, (ArrayNode) g.get("edgeDefinitions")));
    }

    /** An edge collection used by another graph must have the same definition there (1921). */
    private void checkEdgeUse(Database db, String graph, ObjectNode def) {
        String c = def.get("collection").asText();
        for (ObjectNode other : docs.all(db, COLLECTION)) {
            if (other.path("_key").asText().equals(graph)) {
                continue;
            }
            JsonNode d = edgeDefinition(other, c);
            if (d != null && !d.equals(def)) {
                throw new ApiException(400, 1921, "edge collection already used in edge def");
            }
        }
        ClusterCollection existing = db.collection(c);
        if (existing != null && !existing.isEdge()) {
            throw new ApiException(
                    400, 1944, "edge definition collection is a document collection");
        }
    }

    private void createMissing(Database db, ObjectNode g, JsonNode satellites) {
        for (String c : edgeCollections(g)) {
            createIfMissing(db, g, c, ClusterCollection.TYPE_EDGE, satellites);
        }
        for (String c : vertexCollections(g)) {
            createIfMissing(db, g, c, ClusterCollection.TYPE_DOCUMENT, satellites);
        }
    }

    private void createIfMissing(
            Database db, ObjectNode g, String name, int type, JsonNode satellites) {
        if (db.collection(name) != null) {
            return;
        }
        ObjectNode body = Json.object();
        body.put("name", name);
        body.put("type", type);
        boolean satellite = g.path("isSatellite").asBoolean(false);
        for (JsonNode s : satellites) {
            satellite |= s.asText().equals(name);
        }
        if (satellite) {
            body.put("replicationFactor", "satellite");
        } else {
            body.put("numberOfShards", g.path("numberOfShards").asInt(1));
            body.set("replicationFactor", g.get("replicationFactor"));
            body.set("writeConcern", g.get("writeConcern"));
            if (g.path("isSmart").asBoolean(false)) {
                body.put("isSmart", true);
                body.put("isDisjoint", g.path("isDisjoint").asBoolean(false));
                if (g.has("smartGraphAttribute")) {
                    body.set("smartGraphAttribute", g.get("smartGraphAttribute"));
                }
            }
        }
        collections.create(db, body, true);
    }

    /** Drops those of {@code names} that the graph no longer uses and no other graph uses. */
    private void dropUnusedAfter(Database db, String graph, List<String> names) {
        List<String> candidates = new ArrayList<>(names);
        ObjectNode g = docs.get(db, COLLECTION, graph);
        if (g != null) {
            candidates.removeAll(edgeCollections(g));
            candidates.removeAll(vertexCollections(g));
        }
        dropUnused(db, candidates);
    }

    private void dropUnused(Database db, List<String> names) {
        for (ObjectNode other : docs.all(db, COLLECTION)) {
            names.removeAll(edgeCollections(other));
            names.removeAll(vertexCollections(other));
        }
        for (String n : names) {
            ClusterCollection c = db.collection(n);
            if (c != null && !c.isSystem()) {
                collections.drop(c);
            }
        }
    }

    private static ArrayNode definitions(JsonNode defs) {
        ArrayNode out = Json.array();
        if (defs.isMissingNode() || defs.isNull()) {
            return out;
        }
        if (!defs.isArray()) {
            throw new ApiException(400, 1923, "malformed edge definition");
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode d : defs) {
            ObjectNode def = definition(d);
            String c = def.get("collection").asText();
            if (seen.contains(c)) {
                throw new ApiException(400, 1920, "multi use of edge collection in edge def");
            }
            seen.add(c);
            out.add(def);
        }
        return out;
    }

    /** {@code {collection, from, to}} with sorted, de-duplicated vertex collection lists. */
    private static ObjectNode definition(JsonNode d) {
        if (!d.isObject()
                || !d.path("collection").isTextual()
                || d.path("collection").asText().isEmpty()) {
            throw new ApiException(400, 1923, "malformed edge definition");
        }
        ObjectNode def = Json.object();
        def.put("collection", d.get("collection").asText());
        def.set("from", sorted(names(d.path("from"), 1923, "edge definition")));
        def.set("to", sorted(names(d.path("to"), 1923, "edge definition")));
        if (def.get("from").isEmpty() || def.get("to").isEmpty()) {
            throw new ApiException(400, 1923, "malformed edge definition");
        }
        return def;
    }

    private static ArrayNode names(JsonNode list, int errorNum, String what) {
        ArrayNode out = Json.array();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new ApiException(400, errorNum, "malformed " + what);
        }
        for (JsonNode n : list) {
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw new ApiException(400, errorNum, "malformed " + what);
            }
            out.add(n.asText());
        }
        return out;
    }

    private static ArrayNode sorted(ArrayNode names) {
        TreeSet<String> s = new TreeSet<>();
        names.forEach(n -> s.add(n.asText()));
        ArrayNode out = Json.array();
        s.forEach(out::add);
        return out;
    }

    private static ArrayNode withoutUsed(ArrayNode orphans, ArrayNode defs) {
        TreeSet<String> used = new TreeSet<>();
        for (JsonNode d : defs) {
            d.path("from").forEach(n -> used.add(n.asText()));
            d.path("to").forEach(n -> used.add(n.asText()));
        }
        ArrayNode out = Json.array();
        List<String> seen = new ArrayList<>();
        for (JsonNode o : orphans) {
            if (!used.contains(o.asText()) && !seen.contains(o.asText())) {
                seen.add(o.asText());
                out.add(o.asText());
            }
        }
        return out;
    }

    private static boolean remove(ArrayNode list, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).asText().equals(value)) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }
}
