package io.dc2dc.job.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;

/** {@code dc2dc rescale N}: stop with a savepoint, resume with parallelism N. */
final class RescaleCommand implements Command {

    @Override
    public String name() {
        return "rescale";
    }

    @Override
    public String summary() {
        return "change the parallelism: stop with a savepoint, resume with N";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc rescale N [--job ID] [--savepoint-dir DIR] [--timeout D] [--jar FILE]

            Changes the job's parallelism to N: stops it with a savepoint, then resumes from
            that savepoint with parallelism N and the options it ran with. N is checked
            against sync.max-parallelism before anything is stopped. Works only for a job
            started from this state dir (its options are remembered there).

            Options:
              --job ID              the job (default: the one started last from this state dir)
              --savepoint-dir DIR   where to write the savepoint (default: the cluster's)
              --timeout D           how long to wait for each step (default 5min)
              --jar FILE            the job jar to resume with
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--job", "--savepoint-dir", "--timeout", "--jar");
    }

    @Override
    public int run(Args args, CliContext ctx) {
        args.expectPositionals(1, "the new parallelism N");
        int parallelism = Args.parsePositive("the parallelism N", args.positionals().get(0));
        Duration timeout = args.duration("--timeout", Duration.ofMinutes(5));
        String jobId = StopCommand.activeJob(ctx, args);
        CliState state = ctx.state();
        if (!jobId.equals(state.jobId()) || state.spec().isEmpty()) {
            throw CliException.usage(
                    "job "
                            + jobId
                            + " was not started from the state dir "
                            + ctx.stateDir()
                            + ", so its options are unknown; stop it ('dc2dc stop') and resume"
                            + " with --config FILE --parallelism "
                            + parallelism);
        }
        JobSpec spec = state.spec().get();
        spec.validate(parallelism); // before stopping anything
        if (!Files.isRegularFile(ctx.jar())) {
            throw CliException.usage("the job jar " + ctx.jar() + " does not exist");
        }
        String savepoint =
                SavepointStop.stop(ctx, jobId, args.value("--savepoint-dir").orElse(null), timeout);
        ctx.out.println("resuming with parallelism " + parallelism);
        try {
            Launcher.launch(ctx, spec, parallelism, savepoint, timeout);
        } catch (CliException e) {
            throw new CliException(
                    e.exitCode(),
                    e.getMessage()
                            + "\nThe old job is stopped; once fixed, run: dc2dc resume"
                            + " --savepoint "
                            + savepoint
                            + " --parallelism "
                            + parallelism,
                    e);
        }
        return ExitCode.OK;
    }
}
