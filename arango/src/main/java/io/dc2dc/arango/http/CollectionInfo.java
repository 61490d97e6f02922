package io.dc2dc.arango.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One collection of a database, from the coordinator's {@code clusterInventory}.
 *
 * <pre>CollectionInfo("orders", "2010061", "c2010061/", 2, false, {parameters...}, [indexes...],
 *     {"s2010062": ["PRMR-a", "PRMR-b"], "s2010063": ["PRMR-b", "PRMR-c"]})</pre>
 *
 * @param planId the cluster-wide collection id; a dropped and recreated collection of the same name
 *     gets a new one
 * @param type 2 = document collection, 3 = edge collection
 * @param parameters the full inventory {@code parameters} object (do not modify)
 * @param indexes the inventory {@code indexes} array, without primary and edge indexes (do not
 *     modify)
 * @param shards shard id → servers holding it, leader first; order as in the inventory
 */
public record CollectionInfo(
        String name,
        String planId,
        String globallyUniqueId,
        int type,
        boolean isSystem,
        ObjectNode parameters,
        ArrayNode indexes,
        Map<String, List<String>> shards) {

    public CollectionInfo {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        shards.forEach((shard, servers) -> copy.put(shard, List.copyOf(servers)));
        shards = Collections.unmodifiableMap(copy);
    }

    /** True for edge collections. */
    public boolean isEdge() {
        return type == 3;
    }

    /** The leader of {@code shard}, or null if the shard is unknown or has no server. */
    public String leader(String shard) {
        List<String> servers = shards.get(shard);
        return servers == null || servers.isEmpty() ? null : servers.get(0);
    }
}
