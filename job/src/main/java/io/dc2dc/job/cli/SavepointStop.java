package io.dc2dc.job.cli;

import java.time.Duration;

/**
 * Stops a job with a savepoint ({@code POST /jobs/<id>/stop}, no drain), waits until the savepoint
 * is written and the job has finished, and remembers the savepoint in the state file. If the
 * savepoint fails, Flink keeps the job running, and so does this.
 */
final class SavepointStop {

    private SavepointStop() {}

    /** Returns the savepoint's path. */
    static String stop(CliContext ctx, String jobId, String targetDirectory, Duration timeout) {
        FlinkApi flink = ctx.flink();
        ctx.out.println("stopping job " + jobId + " with a savepoint ...");
        String request = flink.stopWithSavepoint(jobId, targetDirectory);
        FlinkApi.SavepointStatus status =
                Poll.until(
                        ctx,
                        timeout,
                        "the savepoint of job " + jobId,
                        () -> flink.savepointStatus(jobId, request),
                        FlinkApi.SavepointStatus::done,
                        s -> "in progress");
        if (status.failure() != null) {
            throw CliException.failed(
                    "the savepoint of job "
                            + jobId
                            + " failed, so the job was not stopped: "
                            + status.failure()
                            + (targetDirectory == null
                                    ? " (no --savepoint-dir given: is"
                                            + " execution.checkpointing.savepoint-dir set on the"
                                            + " cluster?)"
                                    : ""));
        }
        FlinkApi.JobDetails job =
                Poll.until(
                        ctx,
                        timeout,
                        "job " + jobId + " to finish after its savepoint",
                        () -> flink.job(jobId),
                        j -> !j.active(),
                        FlinkApi.JobDetails::state);
        CliState state = ctx.state();
        ctx.save(
                state.withRestorePoint(
                        new CliState.RestorePoint(
                                status.location(), "savepoint", jobId, ctx.now())));
        ctx.out.println("savepoint: " + status.location());
        ctx.out.println("job " + jobId + " is " + job.state());
        return status.location();
    }
}
