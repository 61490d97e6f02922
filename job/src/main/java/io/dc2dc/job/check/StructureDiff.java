package io.dc2dc.job.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lists, item by item, what differs between the structure of two clusters (see {@link
 * StructureSnapshot} for the items): missing on the destination, extra on the destination, or
 * different, with both definitions.
 */
public final class StructureDiff {

    private final List<String> differences = new ArrayList<>();

    private StructureDiff() {}

    public static StructureDiff of(
            Map<String, JsonNode> source, Map<String, JsonNode> destination) {
        StructureDiff diff = new StructureDiff();
        TreeSet<String> items = new TreeSet<>(source.keySet());
        items.addAll(destination.keySet());
        for (String item : items) {
            JsonNode s = source.get(item);
            JsonNode d = destination.get(item);
            if (d == null) {
                diff.differences.add(item + ": missing on the destination");
            } else if (s == null) {
                diff.differences.add(item + ": only on the destination");
            } else if (!s.equals(d)) {
                diff.differences.add(item + ": differs: source " + s + ", destination " + d);
            }
        }
        return diff;
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    public List<String> differences() {
        return List.copyOf(differences);
    }
}
