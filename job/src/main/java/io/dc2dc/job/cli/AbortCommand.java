package io.dc2dc.job.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code dc2dc abort}: cancel without a savepoint, keeping the last retained checkpoint. */
final class AbortCommand implements Command {

    @Override
    public String name() {
        return "abort";
    }

    @Override
    public String summary() {
        return "cancel the job now (no savepoint); keeps its last checkpoint";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc abort [--job ID] [--timeout D]

            Cancels the replication job without taking a savepoint, e.g. when the source is
            gone (fail over) or a savepoint cannot be written. The cluster keeps the job's
            last completed checkpoint (execution.checkpointing.externalized-checkpoint-
            retention: RETAIN_ON_CANCELLATION); its path is printed and remembered, so that
            'dc2dc resume' continues from it.

            Options:
              --job ID      the job (default: the one started last from this state dir, else
                            the only dc2dc job running)
              --timeout D   how long to wait for the cancellation (default 2min)
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--job", "--timeout");
    }

    @Override
    public int run(Args args, CliContext ctx) {
        args.expectPositionals(0, "no arguments");
        String jobId = StopCommand.activeJob(ctx, args);
        FlinkApi flink = ctx.flink();
        ctx.out.println("cancelling job " + jobId + " ...");
        flink.cancel(jobId);
        FlinkApi.JobDetails job =
                Poll.until(
                        ctx,
                        args.duration("--timeout", Duration.ofMinutes(2)),
                        "job " + jobId + " to be cancelled",
                        () -> flink.job(jobId),
                        j -> !j.active(),
                        FlinkApi.JobDetails::state);
        ctx.out.println("job " + jobId + " is " + job.state());
        Optional<String> checkpoint = flink.latestCheckpoint(jobId);
        if (checkpoint.isPresent()) {
            ctx.save(
                    ctx.state()
                            .withRestorePoint(
                                    new CliState.RestorePoint(
                                            checkpoint.get(), "checkpoint", jobId, ctx.now())));
            ctx.out.println("last checkpoint: " + checkpoint.get());
            ctx.out.println("resume from it with: dc2dc resume");
        } else {
            ctx.out.println(
                    "no retained checkpoint (none completed, or the cluster discards them on"
                            + " cancellation)"
                            + ctx.state()
                                    .newestRestorePoint()
                                    .map(p -> "; newest remembered " + p.kind() + ": " + p.path())
                                    .orElse(""));
        }
        return ExitCode.OK;
    }
}
