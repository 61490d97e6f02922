package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.http.ApiPath;
import io.dc2dc.arango.http.ArangoClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a destination collection's indexes match the source's, matched by name (index ids differ
 * between clusters): creates the missing ones with the source's definition and drops the ones the
 * source no longer has. The primary and edge indexes are the collection's own and are never
 * touched.
 */
final class IndexSync {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);

    /** Fields of an index definition that describe one cluster's instance, not the index. */
    private static final Set<String> INSTANCE_FIELDS =
            Set.of(
                    "id",
                    "objectId",
                    "selectivityEstimate",
                    "figures",
                    "isNewlyCreated",
                    "code",
                    "error");

    private IndexSync() {}

    static void apply(
            ArangoClient destination, String db, String collection, JsonNode sourceIndexes) {
        Map<String, JsonNode> wanted = new HashMap<>();
        for (JsonNode index : sourceIndexes) {
            if (!isBuiltIn(index)) {
                wanted.put(index.path("name").asText(), index);
            }
        }
        String query = "?collection=" + ApiPath.encode(collection);
        Map<String, String> existing = new HashMap<>();
        for (JsonNode index : destination.get(db, "/_api/index" + query).path("indexes")) {
            if (!isBuiltIn(index)) {
                existing.put(index.path("name").asText(), index.path("id").asText());
            }
        }
        for (Map.Entry<String, JsonNode> e : wanted.entrySet()) {
            if (!existing.containsKey(e.getKey())) {
                ObjectNode definition = ((ObjectNode) e.getValue()).deepCopy();
                definition.remove(INSTANCE_FIELDS);
                destination.send("POST", db, "/_api/index" + query, definition);
                LOG.info(
                        "Created index {} on {}/{} on the destination", e.getKey(), db, collection);
            }
        }
        Set<String> extra = new HashSet<>(existing.keySet());
        extra.removeAll(wanted.keySet());
        for (String name : extra) {
            // Index ids read "<collection>/<number>".
            String id = existing.get(name);
            String number = id.substring(id.lastIndexOf('/') + 1);
            destination.send(
                    "DELETE",
                    db,
                    "/_api/index/" + ApiPath.encode(collection) + "/" + ApiPath.encode(number),
                    null);
            LOG.info("Dropped index {} of {}/{} on the destination", name, db, collection);
        }
    }

    private static boolean isBuiltIn(JsonNode index) {
        String type = index.path("type").asText();
        return "primary".equals(type) || "edge".equals(type);
    }
}
