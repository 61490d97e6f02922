package io.dc2dc.job.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes to the source cluster like an application: databases, collections with sharding, inserts,
 * replaces, partial updates, removes and re-inserts, deterministically from a seed.
 */
public final class Workload {

    private final Http http;
    private final Random random;
    private final java.util.Set<String> edgeCollections = new java.util.HashSet<>();

    public Workload(String coordinatorUrl, long seed) {
        this.http = new Http(coordinatorUrl);
        this.random = new Random(seed);
    }

    public Http http() {
        return http;
    }

    public void createDatabase(String name) {
        http.call("POST", "/_api/database", Map.of("name", name));
    }

    public void createCollection(String db, String name, int shards, boolean edge) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("name", name);
        body.put("numberOfShards", shards);
        body.put("replicationFactor", 2);
        body.put("type", edge ? 3 : 2);
        http.call("POST", "/_db/" + db + "/_api/collection", body);
        if (edge) {
            edgeCollections.add(db + "/" + name);
        }
    }

    private ObjectNode documentFor(String db, String collection, String key, int size) {
        ObjectNode doc = document(key, size);
        if (edgeCollections.contains(db + "/" + collection)) {
            doc.put("_from", "vertices/v" + random.nextInt(100));
            doc.put("_to", "vertices/v" + random.nextInt(100));
        }
        return doc;
    }

    public ObjectNode document(String key, int size) {
        ObjectNode doc = Http.JSON.createObjectNode();
        if (key != null) {
            doc.put("_key", key);
        }
        doc.put("n", random.nextInt(1_000_000));
        doc.put("text", "ü€𝄞 " + "x".repeat(Math.max(0, size)));
        doc.putObject("nested").put("flag", random.nextBoolean()).put("v", random.nextDouble());
        return doc;
    }

    public void insert(String db, String collection, List<ObjectNode> docs) {
        ArrayNode array = Http.JSON.createArrayNode();
        array.addAll(docs);
        http.call("POST", "/_db/" + db + "/_api/document/" + collection, array);
    }

    /** Inserts {@code count} documents with keys {@code prefix0 … prefix(count-1)}. */
    public List<String> insertMany(
            String db, String collection, String prefix, int count, int size) {
        List<String> keys = new ArrayList<>();
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = prefix + i;
            keys.add(key);
            batch.add(documentFor(db, collection, key, size));
            if (batch.size() == 500) {
                insert(db, collection, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            insert(db, collection, batch);
        }
        return keys;
    }

    public void replace(String db, String collection, String key) {
        http.call(
                "PUT",
                "/_db/" + db + "/_api/document/" + collection + "/" + key,
                documentFor(db, collection, null, 20));
    }

    public void update(String db, String collection, String key, Object patch, boolean keepNull) {
        http.call(
                "PATCH",
                "/_db/" + db + "/_api/document/" + collection + "/" + key + "?keepNull=" + keepNull,
                patch);
    }

    public void remove(String db, String collection, String key) {
        http.call("DELETE", "/_db/" + db + "/_api/document/" + collection + "/" + key, null);
    }

    /** A random mix of replaces, updates, removes and inserts over {@code keys}. */
    public void churn(String db, String collection, List<String> keys, int operations) {
        for (int i = 0; i < operations; i++) {
            int choice = random.nextInt(10);
            if (keys.isEmpty() || choice < 3) {
                String key = "k" + random.nextInt(1_000_000_000);
                insert(db, collection, List.of(documentFor(db, collection, key, 50)));
                keys.add(key);
                continue;
            }
            String key = keys.get(random.nextInt(keys.size()));
            if (choice < 5) {
                replace(db, collection, key);
            } else if (choice < 8) {
                update(db, collection, key, Map.of("patched", i), true);
            } else {
                remove(db, collection, key);
                keys.remove(key);
            }
        }
    }
}
