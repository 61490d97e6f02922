package io.dc2dc.job.cli;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot of one dc2dc job: its Flink state, every shard's replication state, and each source
 * reader's {@code replicatedUpTo}; plus the verdict {@code status} exits with.
 *
 * @param readerUpTo source subtask index → that reader's {@code replicatedUpTo} (epoch ms; 0 =
 *     nothing yet, also reported by readers without shards)
 * @param restarts the job's {@code numRestarts}, -1 if unknown
 * @param lastException the newest entry of the job's exception history, or null
 * @param now when the metrics were read (epoch ms)
 */
record StatusReport(
        FlinkApi.JobDetails job,
        String webUiUrl,
        List<ShardStatus> shards,
        Map<Integer, Long> readerUpTo,
        long restarts,
        String lastException,
        long now) {

    /** The verdict, mapped to exit codes 0, 1 and 3. */
    enum Health {
        HEALTHY(ExitCode.OK),
        LAGGING(ExitCode.NOT_IN_SYNC),
        FAILED(ExitCode.FAILED);

        final int exitCode;

        Health(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /** A verdict with the reason shown next to it. */
    record Verdict(Health health, String reason) {}

    /**
     * The time before which every change of every shard has been read: the minimum over the readers
     * that own shards. Empty while any shard has not finished its first snapshot.
     */
    OptionalLong replicatedUpTo() {
        if (shards.isEmpty() || shards.stream().anyMatch(s -> s.lagSeconds() < 0)) {
            return OptionalLong.empty();
        }
        long min = Long.MAX_VALUE;
        for (ShardStatus s : shards) {
            long upTo = readerUpTo.getOrDefault(s.subtask(), 0L);
            if (upTo <= 0) {
                return OptionalLong.empty();
            }
            min = Math.min(min, upTo);
        }
        return OptionalLong.of(min);
    }

    double maxLagSeconds() {
        return shards.stream().mapToDouble(ShardStatus::lagSeconds).max().orElse(-1);
    }

    Verdict verdict(double maxLagSeconds) {
        String state = job.state();
        if (List.of("CREATED", "INITIALIZING", "RECONCILING").contains(state)) {
            return new Verdict(Health.LAGGING, "job is " + state + " (starting)");
        }
        if (!"RUNNING".equals(state)) {
            return new Verdict(
                    Health.FAILED,
                    "job is "
                            + state
                            + (lastException == null ? "" : "; last exception: " + lastException));
        }
        long notRunning =
                job.vertices().stream().filter(v -> !"RUNNING".equals(v.status())).count();
        if (notRunning > 0) {
            return new Verdict(Health.LAGGING, notRunning + " operator(s) not running yet");
        }
        if (shards.isEmpty()) {
            return new Verdict(Health.LAGGING, "no shard metrics yet (job just started?)");
        }
        long behind = shards.stream().filter(s -> !s.inSync(maxLagSeconds)).count();
        if (behind > 0) {
            long syncing =
                    shards.stream().filter(s -> s.phase() != ShardStatus.PHASE_RUNNING).count();
            return new Verdict(
                    Health.LAGGING,
                    behind
                            + " of "
                            + shards.size()
                            + " shards not in sync ("
                            + syncing
                            + " in initial sync or resync, max lag "
                            + lagText(maxLagSeconds())
                            + ", threshold "
                            + lagText(maxLagSeconds)
                            + ")");
        }
        return new Verdict(
                Health.HEALTHY,
                "all "
                        + shards.size()
                        + " shards running, max lag "
                        + lagText(maxLagSeconds())
                        + " <= "
                        + lagText(maxLagSeconds));
    }

    static String lagText(double seconds) {
        if (seconds < 0) {
            return "unknown";
        }
        if (seconds >= 60) {
            return Durations.format(java.time.Duration.ofMillis((long) (seconds * 1000)));
        }
        // sub-second lags are the normal case: show them with two decimals
        return String.format(java.util.Locale.ROOT, seconds < 10 ? "%.2fs" : "%.1fs", seconds);
    }
}
