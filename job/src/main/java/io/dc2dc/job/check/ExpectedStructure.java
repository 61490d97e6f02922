package io.dc2dc.job.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.sink.structure.ReplicationBounds;
import io.dc2dc.sink.structure.StructureOptions;
import io.dc2dc.source.CollectionFilter;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the destination's structure should be, given the source's and the job's settings: items of
 * databases and collections the filter leaves out are not expected (on either side), the root user
 * is not compared when it is not replicated, and replication factors and write concerns are
 * expected within the destination's bounds.
 */
public final class ExpectedStructure {

    private final CollectionFilter filter;
    private final StructureOptions options;

    public ExpectedStructure(CollectionFilter filter, StructureOptions options) {
        this.filter = filter;
        this.options = options;
    }

    /** The source's items as the destination should have them. */
    public Map<String, JsonNode> fromSource(Map<String, JsonNode> source) {
        ReplicationBounds bounds = new ReplicationBounds(options);
        Map<String, JsonNode> out = new TreeMap<>();
        source.forEach(
                (item, value) -> {
                    if (!compared(item)) {
                        return;
                    }
                    if ((item.startsWith("database ") || item.startsWith("collection "))
                            && value instanceof ObjectNode o
                            && !"database _system".equals(item)) {
                        ObjectNode bounded = o.deepCopy();
                        bounds.apply(bounded);
                        out.put(item, bounded);
                    } else {
                        out.put(item, value);
                    }
                });
        return out;
    }

    /** The destination's items that are compared. */
    public Map<String, JsonNode> onDestination(Map<String, JsonNode> destination) {
        Map<String, JsonNode> out = new TreeMap<>();
        destination.forEach(
                (item, value) -> {
                    if (compared(item)) {
                        out.put(item, value);
                    }
                });
        return out;
    }

    /** Whether an item ({@code "<area> <path>"}) takes part in the comparison. */
    boolean compared(String item) {
        int space = item.indexOf(' ');
        String area = item.substring(0, space);
        String path = item.substring(space + 1);
        if (area.equals("user") || area.equals("permission")) {
            return !(options.excludeRootUser() && path.equals("root"));
        }
        String database = path.split("/", 2)[0]; // a Foxx item is "foxx <db>/<mount>"
        if (!filter.includesDatabase(database)) {
            return false;
        }
        if (area.equals("collection") || area.equals("index")) {
            String[] parts = path.split("/", 3);
            return parts.length < 2 || filter.includesCollection(parts[0], parts[1]);
        }
        return true;
    }
}
