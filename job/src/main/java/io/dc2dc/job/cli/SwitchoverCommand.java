package io.dc2dc.job.cli;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.job.config.JobConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * {@code dc2dc switchover}: drain the replication with the source read-only, stop it with a
 * savepoint, and prepare the reverse direction.
 *
 * <p>"Drained" means: every shard is tailing and every source reader that owns shards has found its
 * DB-servers' WALs read to the end in a poll made after the source became read-only ({@code
 * replicatedUpTo} at least {@code --margin} past that moment; the margin covers the time between
 * sending a poll and recording its answer, and clock skew between this host and the TaskManagers).
 * The savepoint that stops the job then flushes everything read to the destination.
 */
final class SwitchoverCommand implements Command {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "switchover";
    }

    @Override
    public String summary() {
        return "drain with the source read-only, stop with a savepoint, print the reverse";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc switchover --config FILE [--job ID] [--timeout D] [--margin D]
                                    [--savepoint-dir DIR] [--reverse-config FILE]

            Planned switch of roles between the clusters:
              1. puts the source in read-only mode (PUT /_admin/server/mode readonly),
              2. waits until every shard is drained: tailing, with its WAL read to the end by
                 a poll made after step 1 (from the job's metrics; up to --timeout),
              3. stops the job with a savepoint (this writes everything read),
              4. restores the source's previous mode (also when a step fails),
              5. writes the configuration of the reverse direction and prints the command
                 that starts it.
            Start the reverse job (the printed command) before the applications write to the
            destination: it restores what the old direction applied from the savepoint, so
            documents equal on both sides are not written again, and it follows every later
            change from the new source's WAL.

            Options:
              --config FILE          the running replication's configuration
              --job ID               the job (default: the active job into that destination)
              --timeout D            how long to wait for the drain (default 2min)
              --margin D             how far past the read-only moment every reader must
                                     have caught up (default 2s)
              --savepoint-dir DIR    where to write the savepoint (default: the cluster's)
              --reverse-config FILE  where to write the reverse configuration (default:
                                     <state-dir>/reverse-<time>.properties)
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of(
                "--config",
                "--job",
                "--timeout",
                "--margin",
                "--savepoint-dir",
                "--reverse-config");
    }

    @Override
    public int run(Args args, CliContext ctx) throws IOException {
        args.expectPositionals(0, "no arguments");
        JobSpec spec = ConfigFile.load(Path.of(args.required("--config")));
        Duration timeout = args.duration("--timeout", Duration.ofMinutes(2));
        Duration margin = args.duration("--margin", Duration.ofSeconds(2));
        JobConfig config = spec.validate(1);
        FlinkApi flink = ctx.flink();
        List<String> destination = config.sink().cluster().endpoints();
        String jobId =
                args.value("--job")
                        .or(() -> JobLocator.intoDestination(flink, destination).map(j -> j.id()))
                        .orElseThrow(
                                () ->
                                        CliException.failed(
                                                "no dc2dc job replicates into "
                                                        + destination
                                                        + " on the Flink cluster at "
                                                        + flink.baseUrl()));
        String state = flink.job(jobId).state();
        if (!"RUNNING".equals(state)) {
            throw CliException.failed("job " + jobId + " is " + state + ", not RUNNING");
        }
        String savepoint;
        ReadOnlySource window = null;
        try (ArangoClient source = ArangoClient.connect(config.source().cluster());
                ReadOnlySource readOnly = ReadOnlySource.enter(source, ctx)) {
            window = readOnly;
            ctx.out.println(
                    "source is read-only since "
                            + Instant.ofEpochMilli(readOnly.since())
                            + " (it was: "
                            + readOnly.previous()
                            + ")");
            awaitDrained(ctx, jobId, readOnly.since() + margin.toMillis(), timeout);
            savepoint =
                    SavepointStop.stop(
                            ctx, jobId, args.value("--savepoint-dir").orElse(null), timeout);
        } catch (ArangoException e) {
            throw CliException.failed("switchover: the source cluster: " + e.getMessage());
        }
        if (window.restoreFailed()) {
            throw CliException.failed(
                    "the job is stopped (savepoint "
                            + savepoint
                            + "), but the source's mode could not be restored (see above)");
        }
        Path reverse =
                args.value("--reverse-config")
                        .map(Path::of)
                        .orElse(
                                ctx.stateDir()
                                        .resolve(
                                                "reverse-"
                                                        + STAMP.format(
                                                                Instant.ofEpochMilli(ctx.now()))
                                                        + ".properties"));
        ConfigFile.writeProperties(
                spec.reversed(),
                reverse,
                "dc2dc: the reverse of "
                        + args.required("--config")
                        + ", written by 'dc2dc switchover'.\nThe old job's last savepoint: "
                        + savepoint);
        ctx.out.println("drained and stopped; savepoint " + savepoint);
        ctx.out.println("reverse configuration: " + reverse);
        ctx.out.println("to replicate in the reverse direction, run:");
        ctx.out.println(
                "  scripts/dc2dc start --config " + reverse + " --from-switchover " + savepoint);
        return ExitCode.OK;
    }

    /** Polls the job's metrics until {@link #drained} holds for {@code caughtUpAfter}. */
    static void awaitDrained(CliContext ctx, String jobId, long caughtUpAfter, Duration timeout) {
        ctx.out.println(
                "waiting until every shard has caught up (up to "
                        + Durations.format(timeout)
                        + ") ...");
        Poll.until(
                ctx,
                timeout,
                "every shard to drain",
                () -> StatusCollector.collect(ctx, jobId),
                r -> drained(r, caughtUpAfter),
                r -> describe(r, caughtUpAfter));
        ctx.out.println("drained: every shard has read its WAL to the end");
    }

    /**
     * Every shard tailing, and every reader that owns shards caught up after {@code caughtUpAfter}.
     * Fails (exit 3) when the job stopped running.
     */
    static boolean drained(StatusReport r, long caughtUpAfter) {
        if (!"RUNNING".equals(r.job().state())) {
            throw CliException.failed(
                    "job " + r.job().id() + " is " + r.job().state() + " while draining");
        }
        if (r.shards().isEmpty()) {
            return false;
        }
        for (ShardStatus s : r.shards()) {
            if (s.phase() != ShardStatus.PHASE_RUNNING
                    || r.readerUpTo().getOrDefault(s.subtask(), 0L) < caughtUpAfter) {
                return false;
            }
        }
        return true;
    }

    private static String describe(StatusReport r, long caughtUpAfter) {
        long notTailing =
                r.shards().stream().filter(s -> s.phase() != ShardStatus.PHASE_RUNNING).count();
        long behind =
                r.shards().stream()
                        .filter(s -> r.readerUpTo().getOrDefault(s.subtask(), 0L) < caughtUpAfter)
                        .count();
        return r.shards().size()
                + " shards, "
                + notTailing
                + " not tailing, "
                + behind
                + " on readers not caught up since "
                + Instant.ofEpochMilli(caughtUpAfter)
                + "; readers' replicatedUpTo "
                + r.readerUpTo();
    }
}
