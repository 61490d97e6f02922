package io.dc2dc.job.cli;

import java.time.Duration;
import java.util.Set;

/** {@code dc2dc status}: per-shard replication state from the job's Flink metrics. */
final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "per-shard phase, lag, progress; exit 0 healthy, 1 lagging, 3 failed";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc status [--job ID] [--json] [--watch] [--interval D] [--max-lag D]

            Shows the replication job and, per database/collection/shard: phase (initial-sync,
            running, resyncing), lag in seconds and in WAL ticks, documents and bytes copied,
            initial-sync progress, resyncs; and the job's "replicated up to" time (every
            change before it has been read, on every shard). Read from the source operator's
            metrics through Flink's REST API, which caches them for up to
            metrics.fetcher.update-interval (10s by default).

            Health (the exit code):
              healthy (0)  job running, every shard running with lag <= --max-lag
              lagging (1)  a shard in initial sync or resync, or lagging more; job starting
              failed  (3)  job failed, restarting, cancelled or finished; no job; Flink
                           unreachable

            Options:
              --job ID        the job (default: the one started last from this state dir,
                              else the only dc2dc job running)
              --json          one JSON document instead of the table (with --watch: one per
                              line)
              --watch         repeat every --interval until interrupted or the job ends
              --interval D    default 2s
              --max-lag D     lag threshold for "healthy" (default 10s)
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--job", "--interval", "--max-lag");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("--json", "--watch");
    }

    @Override
    public int run(Args args, CliContext ctx) throws InterruptedException {
        args.expectPositionals(0, "no arguments");
        double maxLag = args.duration("--max-lag", Duration.ofSeconds(10)).toMillis() / 1000.0;
        Duration interval = args.duration("--interval", Duration.ofSeconds(2));
        boolean json = args.flag("--json");
        FlinkApi flink = ctx.flink();
        CliState state = ctx.state();
        String jobId =
                JobLocator.target(flink, args.value("--job"), state)
                        .or(() -> java.util.Optional.ofNullable(state.jobId()))
                        .orElseThrow(
                                () ->
                                        CliException.failed(
                                                "no dc2dc job runs on the Flink cluster at "
                                                        + flink.baseUrl()
                                                        + ", and none is remembered in "
                                                        + ctx.stateDir()));
        boolean clear = args.flag("--watch") && !json && System.console() != null;
        while (true) {
            StatusReport report = StatusCollector.collect(ctx, jobId);
            int code = report.verdict(maxLag).health().exitCode;
            if (clear) {
                ctx.out.print("\033[H\033[2J");
            }
            if (json) {
                ctx.out.println(StatusRenderer.json(report, maxLag).toString());
            } else {
                ctx.out.print(StatusRenderer.table(report, maxLag));
                if (!report.job().active()) {
                    state.newestRestorePoint()
                            .ifPresent(
                                    p ->
                                            ctx.out.println(
                                                    "resume     'dc2dc resume' continues from "
                                                            + p.kind()
                                                            + " "
                                                            + p.path()));
                }
            }
            ctx.out.flush();
            if (!args.flag("--watch") || !report.job().active()) {
                return code;
            }
            if (!clear && !json) {
                ctx.out.println();
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
