package io.dc2dc.job.cli;

import java.time.Duration;
import java.util.Set;

/** {@code dc2dc stop}: stop with a savepoint. */
final class StopCommand implements Command {

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String summary() {
        return "stop the job with a savepoint (resume later with 'resume')";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc stop [--job ID] [--savepoint-dir DIR] [--timeout D]

            Stops the replication job with a savepoint (POST /jobs/<id>/stop): every change
            read so far is written to the destination, and the savepoint holds the position
            of every shard. Waits until the savepoint is complete and the job has finished,
            prints the savepoint's path and remembers it for 'dc2dc resume'. If the
            savepoint fails, the job keeps running.

            Options:
              --job ID              the job (default: the one started last from this state
                                    dir, else the only dc2dc job running)
              --savepoint-dir DIR   where to write it, e.g. file:///data/savepoints (default:
                                    the cluster's execution.checkpointing.savepoint-dir)
              --timeout D           how long to wait (default 5min)
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--job", "--savepoint-dir", "--timeout");
    }

    @Override
    public int run(Args args, CliContext ctx) {
        args.expectPositionals(0, "no arguments");
        String jobId = activeJob(ctx, args);
        SavepointStop.stop(
                ctx,
                jobId,
                args.value("--savepoint-dir").orElse(null),
                args.duration("--timeout", Duration.ofMinutes(5)));
        return ExitCode.OK;
    }

    /** The active job the command means, or exit 3 "no running dc2dc job". */
    static String activeJob(CliContext ctx, Args args) {
        FlinkApi flink = ctx.flink();
        String jobId =
                JobLocator.target(flink, args.value("--job"), ctx.state())
                        .orElseThrow(
                                () ->
                                        CliException.failed(
                                                "no dc2dc job runs on the Flink cluster at "
                                                        + flink.baseUrl()));
        FlinkApi.JobDetails job = flink.job(jobId);
        if (!job.active()) {
            throw CliException.failed("job " + jobId + " is " + job.state() + ", not running");
        }
        return jobId;
    }
}
