package io.dc2dc.job.cli;

/**
 * The replication state of one source shard, from the source reader's per-shard gauges (see
 * monitoring/README.md).
 *
 * <pre>ShardStatus("shop", "orders", "s2010084", 0, 1, 0.146, 0, 657, 43071, 100.0, 0)</pre>
 *
 * @param subtask the source reader (Flink subtask index) that owns the shard
 * @param phase 0 initial sync, 1 running (tailing the WAL), 2 resyncing
 * @param lagSeconds age of the oldest change not yet read; -1 before the first snapshot completes
 * @param lagTicks WAL ticks of the leader not yet read; -1 unless tailing
 * @param snapshotPercent initial-sync progress, 0-100
 */
record ShardStatus(
        String database,
        String collection,
        String shard,
        int subtask,
        int phase,
        double lagSeconds,
        long lagTicks,
        long documentsCopied,
        long bytesCopied,
        double snapshotPercent,
        long resyncs) {

    static final int PHASE_SNAPSHOT = 0;
    static final int PHASE_RUNNING = 1;
    static final int PHASE_RESYNC = 2;

    String phaseName() {
        return switch (phase) {
            case PHASE_SNAPSHOT -> "initial-sync";
            case PHASE_RUNNING -> "running";
            case PHASE_RESYNC -> "resyncing";
            default -> "unknown(" + phase + ")";
        };
    }

    /** Tailing, with a known lag of at most {@code maxLagSeconds}. */
    boolean inSync(double maxLagSeconds) {
        return phase == PHASE_RUNNING && lagSeconds >= 0 && lagSeconds <= maxLagSeconds;
    }
}
