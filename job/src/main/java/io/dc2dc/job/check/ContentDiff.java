package io.dc2dc.job.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The differences between the contents of two clusters: collections missing on either side, and per
 * collection the keys that are missing, extra, or differ in {@code _rev} or body. The {@code _id}
 * attribute is left out of the comparison (it is derived from the collection name).
 */
public final class ContentDiff {

    private final List<String> differences = new ArrayList<>();

    private ContentDiff() {}

    public static ContentDiff of(
            Map<String, Map<String, JsonNode>> source,
            Map<String, Map<String, JsonNode>> destination) {
        ContentDiff diff = new ContentDiff();
        TreeSet<String> collections = new TreeSet<>(source.keySet());
        collections.addAll(destination.keySet());
        for (String c : collections) {
            Map<String, JsonNode> s = source.get(c);
            Map<String, JsonNode> d = destination.get(c);
            if (s == null) {
                diff.differences.add(c + ": only on the destination");
            } else if (d == null) {
                diff.differences.add(c + ": missing on the destination");
            } else {
                diff.compare(c, s, d);
            }
        }
        return diff;
    }

    private void compare(String collection, Map<String, JsonNode> s, Map<String, JsonNode> d) {
        TreeSet<String> keys = new TreeSet<>(s.keySet());
        keys.addAll(d.keySet());
        for (String key : keys) {
            JsonNode a = s.get(key);
            JsonNode b = d.get(key);
            if (a == null) {
                differences.add(collection + "/" + key + ": extra on the destination");
            } else if (b == null) {
                differences.add(collection + "/" + key + ": missing on the destination");
            } else if (!withoutId(a).equals(withoutId(b))) {
                differences.add(
                        collection
                                + "/"
                                + key
                                + ": differs (source _rev "
                                + a.path("_rev").asText()
                                + ", destination _rev "
                                + b.path("_rev").asText()
                                + ")");
            }
        }
    }

    private static JsonNode withoutId(JsonNode doc) {
        if (doc instanceof ObjectNode o && o.has("_id")) {
            ObjectNode copy = o.deepCopy();
            copy.remove("_id");
            return copy;
        }
        return doc;
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    public List<String> differences() {
        return List.copyOf(differences);
    }

    /** At most {@code limit} lines, for messages. */
    public String summary(int limit) {
        if (differences.isEmpty()) {
            return "equal";
        }
        StringBuilder sb = new StringBuilder(differences.size() + " differences:");
        differences.stream().limit(limit).forEach(d -> sb.append("\n  ").append(d));
        if (differences.size() > limit) {
            sb.append("\n  …");
        }
        return sb.toString();
    }
}
