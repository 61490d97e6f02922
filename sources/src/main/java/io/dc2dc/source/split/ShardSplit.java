package io.dc2dc.source.split;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The replication of one shard of the source cluster: first a snapshot under a batch on the shard's
 * leader, then the leader's write-ahead log from the snapshot's tick on.
 *
 * <pre>{"database": "shop", "collection": "orders", "collectionId": "2010061",
 *  "shard": "s2010062", "leader": "PRMR-7f3a", "shardGuid": "c2010061/s2010062",
 *  "phase": "TAILING", "epoch": 2,
 *  "tailFrom": 7312230}</pre>
 *
 * <p>{@code epoch} counts the snapshots started for the shard (0 = none yet); {@code tailFrom} is
 * the leader's tick up to which every change of the shard has been emitted, meaningful only in
 * phase {@code TAILING} and only on {@code leader}; {@code shardGuid} is the shard's {@code
 * globallyUniqueId} on the leader (the {@code cuid} of its WAL markers), empty before the first
 * snapshot. Immutable; the reader keeps a mutable twin and checkpoints copies.
 */
public record ShardSplit(
        String database,
        String collection,
        String collectionId,
        String shard,
        String leader,
        String shardGuid,
        Phase phase,
        long epoch,
        long tailFrom)
        implements SourceSplit {

    /** Where the shard's replication stands. */
    public enum Phase {
        /** A snapshot must be (re)taken; an interrupted one restarts with a new epoch. */
        SNAPSHOT,
        /** The snapshot is complete; the leader's WAL is followed from {@code tailFrom}. */
        TAILING
    }

    public ShardSplit {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(shardGuid, "shardGuid");
        Objects.requireNonNull(phase, "phase");
    }

    /** A shard that has not been copied yet. */
    public static ShardSplit initial(
            String database, String collection, String collectionId, String shard, String leader) {
        return new ShardSplit(
                database, collection, collectionId, shard, leader, "", Phase.SNAPSHOT, 0, 0);
    }

    @Override
    public String splitId() {
        return database + "/" + shard;
    }
}
