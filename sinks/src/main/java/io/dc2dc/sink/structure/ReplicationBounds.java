package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies the destination's replication-factor bounds to collection or database properties: a
 * numeric {@code replicationFactor} is raised to the minimum or lowered to the maximum, and {@code
 * writeConcern} (or its old name {@code minReplicationFactor}) is lowered to the resulting
 * replication factor, since a cluster refuses a write concern above it. Satellite collections
 * ({@code "satellite"}) are left alone.
 */
public final class ReplicationBounds {

    private final int min;
    private final int max;

    public ReplicationBounds(StructureOptions options) {
        this.min = options.minReplicationFactor();
        this.max = options.maxReplicationFactor();
    }

    /** Bounds the values in place. */
    public void apply(ObjectNode properties) {
        JsonNode rf = properties.get("replicationFactor");
        if (rf == null || !rf.canConvertToInt() || !rf.isNumber()) {
            return;
        }
        int bounded = Math.max(min, Math.min(max, rf.asInt()));
        properties.put("replicationFactor", bounded);
        for (String field : new String[] {"writeConcern", "minReplicationFactor"}) {
            JsonNode wc = properties.get(field);
            if (wc != null && wc.isNumber() && wc.asInt() > bounded) {
                properties.put(field, bounded);
            }
        }
    }
}
