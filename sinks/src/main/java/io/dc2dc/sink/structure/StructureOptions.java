package io.dc2dc.sink.structure;

import java.io.Serializable;

/**
 * How the destination's structure may differ from the source's on purpose.
 *
 * @param minReplicationFactor the smallest replication factor a destination collection or database
 *     gets (a source value below it is raised); satellite collections are not bounded
 * @param maxReplicationFactor the largest one (a source value above it is lowered, e.g. when the
 *     second datacenter has fewer DB-servers); write concerns are lowered to stay at or below it
 * @param excludeRootUser leave the {@code root} user out of user replication: the destination's
 *     root keeps its own password and permissions and is never removed
 * @param replicationIdentity who replicates into the destination (see {@link ReplicationMarker}),
 *     or null to write no marker
 */
public record StructureOptions(
        int minReplicationFactor,
        int maxReplicationFactor,
        boolean excludeRootUser,
        String replicationIdentity)
        implements Serializable {

    /** No bounds: the destination gets the source's values; root is not replicated. */
    public static final StructureOptions DEFAULTS = new StructureOptions(1, Integer.MAX_VALUE);

    /** Replication-factor bounds only; the root user is excluded (the default). */
    public StructureOptions(int minReplicationFactor, int maxReplicationFactor) {
        this(minReplicationFactor, maxReplicationFactor, true);
    }

    /** Without a replication identity: no {@link ReplicationMarker} is written. */
    public StructureOptions(
            int minReplicationFactor, int maxReplicationFactor, boolean excludeRootUser) {
        this(minReplicationFactor, maxReplicationFactor, excludeRootUser, null);
    }

    /** The same options, writing the destination's marker under {@code identity}. */
    public StructureOptions withReplicationIdentity(String identity) {
        return new StructureOptions(
                minReplicationFactor, maxReplicationFactor, excludeRootUser, identity);
    }

    public StructureOptions {
        if (minReplicationFactor < 1 || maxReplicationFactor < minReplicationFactor) {
            throw new IllegalArgumentException(
                    "replication factor bounds must satisfy 1 <= min <= max, got "
                            + minReplicationFactor
                            + ".."
                            + maxReplicationFactor);
        }
    }
}
