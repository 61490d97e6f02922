package io.dc2dc.job.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code dc2dc resume}: runs the replication again from a savepoint or retained checkpoint. */
final class ResumeCommand implements Command {

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String summary() {
        return "run the replication again from the newest savepoint (or --savepoint)";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc resume [--savepoint PATH] [--config FILE] [--parallelism N]
                                [--jar FILE] [--timeout D]

            Runs the replication again from a savepoint or a retained checkpoint: every shard
            continues where it stopped, nothing is copied again. Without --savepoint, the
            newest point remembered in the state dir is used (written by 'stop', 'rescale',
            'switchover' and 'abort'). The same checks as 'start' run first.

            Options:
              --savepoint PATH  savepoint or checkpoint to resume from (e.g.
                                file:/run/flink/savepoints/savepoint-1a2b3c-...)
              --config FILE     job options (default: those the job was started with)
              --parallelism N   default: the parallelism the job ran with
              --jar FILE        the job jar (default $DC2DC_JOB_JAR or
                                job/target/dc2dc-job-0.1.0-SNAPSHOT-job.jar)
              --timeout D       how long to wait for the job to run (default 2min)
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--savepoint", "--config", "--parallelism", "--jar", "--timeout");
    }

    @Override
    public int run(Args args, CliContext ctx) {
        args.expectPositionals(0, "no arguments");
        CliState state = ctx.state();
        JobSpec spec = spec(args, state);
        String path =
                args.value("--savepoint")
                        .or(() -> state.newestRestorePoint().map(CliState.RestorePoint::path))
                        .orElseThrow(
                                () ->
                                        CliException.usage(
                                                "no savepoint to resume from: none is remembered"
                                                        + " in "
                                                        + ctx.stateDir()
                                                        + "; give one with --savepoint PATH, or"
                                                        + " start from scratch with 'dc2dc"
                                                        + " start'"));
        checkExists(path);
        int parallelism =
                Launcher.parallelism(
                        ctx, args.positiveInt("--parallelism"), spec, state.parallelism());
        ctx.out.println("resuming from " + path + " with parallelism " + parallelism);
        Launcher.launch(
                ctx, spec, parallelism, path, args.duration("--timeout", Duration.ofMinutes(2)));
        return ExitCode.OK;
    }

    static JobSpec spec(Args args, CliState state) {
        if (args.value("--config").isPresent()) {
            return ConfigFile.load(Path.of(args.value("--config").get()));
        }
        return state.spec()
                .orElseThrow(
                        () ->
                                CliException.usage(
                                        "no job options remembered in the state dir; give"
                                                + " --config FILE"));
    }

    /** A local savepoint that is gone is reported before Flink fails on it. */
    static void checkExists(String path) {
        if (!path.startsWith("file:")) {
            return; // remote file systems are checked by Flink
        }
        Path local;
        try {
            local = Path.of(URI.create(path.startsWith("file:/") ? path : "file:/" + path));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!Files.exists(local)) {
            throw CliException.usage(
                    "savepoint "
                            + path
                            + " does not exist (any more); give another with --savepoint PATH");
        }
    }
}
