package io.dc2dc.source.reader;

import io.dc2dc.arango.model.DocumentAddress;
import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.source.split.ShardSplit;

/**
 * The task thread's mutable view of one shard split, plus the numbers its metrics report. Only the
 * task thread touches it; metric gauges read the volatile numbers from the metrics thread.
 */
final class ShardState {

    /** Metric codes of the phase gauge. */
    static final int PHASE_SNAPSHOT = 0;

    static final int PHASE_TAILING = 1;
    static final int PHASE_RESYNC = 2;

    final String database;
    final String collection;
    final String collectionId;
    final String shard;
    String leader;
    String shardGuid;
    ShardSplit.Phase phase;
    long epoch;
    long tailFrom;
    int failedSnapshots;

    volatile long documentsCopied;
    volatile long bytesCopied;
    volatile long snapshotDocuments;
    volatile long expectedDocuments;
    volatile long serverTick;
    volatile long lastRevision;
    volatile long caughtUpAt;
    volatile long resyncs;

    /** Failed snapshot attempts and failed WAL polls of the shard's leader, since start. */
    volatile long errors;

    ShardState(ShardSplit split) {
        this.database = split.database();
        this.collection = split.collection();
        this.collectionId = split.collectionId();
        this.shard = split.shard();
        this.leader = split.leader();
        this.shardGuid = split.shardGuid();
        this.phase = split.phase();
        this.epoch = split.epoch();
        this.tailFrom = split.tailFrom();
    }

    ShardSplit toSplit() {
        return new ShardSplit(
                database,
                collection,
                collectionId,
                shard,
                leader,
                shardGuid,
                phase,
                epoch,
                tailFrom);
    }

    DocumentAddress address() {
        return new DocumentAddress(database, collection, collectionId, shard, "");
    }

    int phaseCode() {
        if (phase == ShardSplit.Phase.TAILING) {
            return PHASE_TAILING;
        }
        return epoch > 1 ? PHASE_RESYNC : PHASE_SNAPSHOT;
    }

    /** Initial-sync progress in percent (100 once tailing). */
    double snapshotPercent() {
        if (phase == ShardSplit.Phase.TAILING) {
            return 100.0;
        }
        long expected = expectedDocuments;
        return expected <= 0 ? 0.0 : Math.min(99.9, 100.0 * snapshotDocuments / expected);
    }

    long lagTicks() {
        return phase == ShardSplit.Phase.TAILING ? Math.max(0, serverTick - tailFrom) : -1;
    }

    /**
     * The time up to which this shard's changes are on their way to the destination: the time of
     * the last poll that found the WAL read to its end, or else the clock of the newest revision
     * emitted; 0 before the first snapshot completes.
     */
    long replicatedUpTo() {
        if (phase != ShardSplit.Phase.TAILING) {
            return 0;
        }
        long revTime = lastRevision == 0 ? 0 : Revisions.timeMillis(lastRevision);
        return Math.max(caughtUpAt, revTime);
    }

    double lagSeconds(long now) {
        long upTo = replicatedUpTo();
        return upTo == 0 ? -1 : Math.max(0, now - upTo) / 1000.0;
    }
}
