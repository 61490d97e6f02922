package io.dc2dc.job.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.sink.structure.ReplicationMarker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The structure of a cluster as comparable items: {@code "<area> <path>" → normalized definition},
 * where ids, revisions, counts and other values that legitimately differ between two clusters are
 * left out. Areas: database, collection, index, view, analyzer, graph, aqlfunction, user,
 * permission, foxx.
 */
public final class StructureSnapshot {

    /** Collection properties that must match; ids, status and counters are left out. */
    static final List<String> COLLECTION_PROPERTIES =
            List.of(
                    "type",
                    "numberOfShards",
                    "shardKeys",
                    "shardingStrategy",
                    "replicationFactor",
                    "writeConcern",
                    "distributeShardsLike",
                    "isSmart",
                    "isDisjoint",
                    "smartGraphAttribute",
                    "smartJoinAttribute",
                    "schema",
                    "computedValues",
                    "waitForSync",
                    "cacheEnabled",
                    "isSystem");

    private static final Set<String> VOLATILE =
            Set.of(
                    "id",
                    "_id",
                    "_rev",
                    "_key",
                    "objectId",
                    "planId",
                    "globallyUniqueId",
                    "cid",
                    "selectivityEstimate",
                    "figures",
                    "code",
                    "error",
                    "lastValue");

    private StructureSnapshot() {}

    public static Map<String, JsonNode> read(ArangoClient client) {
        Map<String, JsonNode> items = new TreeMap<>();
        for (String db : client.databases()) {
            items.put(
                    "database " + db,
                    normalize(client.get(db, "/_api/database/current").path("result")));
            for (CollectionInfo c : client.collections(db)) {
                if (c.name().equals(ReplicationMarker.COLLECTION)) {
                    continue; // dc2dc's own marker on a destination, not part of the structure
                }
                ObjectNode props = c.parameters().objectNode();
                for (String p : COLLECTION_PROPERTIES) {
                    if (c.parameters().has(p)) {
                        props.set(p, c.parameters().get(p));
                    }
                }
                JsonNode keyOptions = c.parameters().path("keyOptions");
                if (keyOptions.isObject()) {
                    props.set("keyOptions", normalize(keyOptions));
                }
                items.put("collection " + db + "/" + c.name(), props);
                for (JsonNode index : c.indexes()) {
                    items.put(
                            "index " + db + "/" + c.name() + "/" + index.path("name").asText(),
                            normalize(index));
                }
            }
            for (JsonNode view : optional(client, db, "/_api/view").path("result")) {
                String name = view.path("name").asText();
                items.put(
                        "view " + db + "/" + name,
                        sortedIndexReferences(
                                normalize(
                                        optional(
                                                client,
                                                db,
                                                "/_api/view/" + name + "/properties"))));
            }
            for (JsonNode analyzer : optional(client, db, "/_api/analyzer").path("result")) {
                // a database also lists _system's analyzers; those are items of _system
                String name = analyzer.path("name").asText();
                if (name.startsWith(db + "::")) {
                    items.put(
                            "analyzer " + db + "/" + name.substring(db.length() + 2),
                            normalize(analyzer));
                }
            }
            for (JsonNode graph : optional(client, db, "/_api/gharial").path("graphs")) {
                items.put("graph " + db + "/" + graph.path("name").asText(), normalize(graph));
            }
            for (JsonNode function : optional(client, db, "/_api/aqlfunction").path("result")) {
                items.put(
                        "aqlfunction " + db + "/" + function.path("name").asText(),
                        normalize(function));
            }
            for (JsonNode service : optional(client, db, "/_api/foxx")) {
                items.put("foxx " + db + service.path("mount").asText(), normalize(service));
            }
        }
        for (JsonNode user : optional(client, "_system", "/_api/user").path("result")) {
            String name = user.path("user").asText();
            items.put("user " + name, normalize(user));
            JsonNode permissions =
                    optional(client, "_system", "/_api/user/" + name + "/database?full=true")
                            .path("result");
            if (permissions.path("_system").path("collections") instanceof ObjectNode cs) {
                cs.remove(ReplicationMarker.COLLECTION); // dc2dc's own, only on a destination
            }
            items.put("permission " + name, normalize(permissions));
        }
        return items;
    }

    /** An API that a cluster may not serve (e.g. no Foxx) counts as empty, not as an error. */
    private static JsonNode optional(ArangoClient client, String db, String path) {
        try {
            JsonNode n = client.get(db, path);
            return n == null
                    ? ArrayNode.class.cast(
                            new com.fasterxml.jackson.databind.node.ArrayNode(
                                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance))
                    : n;
        } catch (ArangoException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 501) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            throw e;
        }
    }

    /** A search-alias view's index references are a set: their order is not compared. */
    private static JsonNode sortedIndexReferences(JsonNode view) {
        if (view instanceof ObjectNode o && o.get("indexes") instanceof ArrayNode indexes) {
            List<JsonNode> refs = new java.util.ArrayList<>();
            indexes.forEach(refs::add);
            refs.sort(java.util.Comparator.comparing(JsonNode::toString));
            o.putArray("indexes").addAll(refs);
        }
        return view;
    }

    /** A deep copy without values that differ between clusters by nature. */
    static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            node.fields()
                    .forEachRemaining(
                            e -> {
                                if (!VOLATILE.contains(e.getKey())) {
                                    out.set(e.getKey(), normalize(e.getValue()));
                                }
                            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(n -> out.add(normalize(n)));
            return out;
        }
        return node;
    }
}
