package io.dc2dc.job.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code dc2dc start}: submits a new replication job (initial sync, then following the WAL). */
final class StartCommand implements Command {

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String summary() {
        return "check both clusters and submit a new replication job";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc start --config FILE [--parallelism N] [--jar FILE] [--timeout D]
                               [--from-switchover SAVEPOINT]

            Starts replicating the source cluster into the destination cluster from scratch
            (initial sync of every shard, then following the WAL). Before submitting:
              - validates the configuration exactly as the job will (unknown keys are errors),
              - checks both clusters: reachable, credentials accepted, coordinators, the
                destination's version not older than the source's, the destination not in
                read-only mode,
              - refuses if a dc2dc job already writes into the destination (or replicates in
                the reverse direction).
            Then uploads the job jar to Flink, runs it, prints the job id and the web UI URL,
            and waits until every operator runs. The job is remembered in the state dir.

            Options:
              --config FILE     job options, .yaml/.yml or .properties (see docs/cli.md);
                                secrets only as file or environment-variable names
              --parallelism N   source readers and writers (default: the file's
                                parallelism.default, else the cluster's)
              --jar FILE        the job jar (default $DC2DC_JOB_JAR or
                                job/target/dc2dc-job-0.1.0-SNAPSHOT-job.jar)
              --timeout D       how long to wait for the job to run (default 2min)
              --from-switchover SAVEPOINT
                                start the reverse direction after 'dc2dc switchover': with
                                the configuration it wrote (sync.generation > 0) and its
                                savepoint. Documents that are equal on both sides are not
                                written again (the job keeps what the old direction applied).
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--config", "--parallelism", "--jar", "--timeout", "--from-switchover");
    }

    @Override
    public int run(Args args, CliContext ctx) {
        args.expectPositionals(0, "no arguments");
        JobSpec spec = ConfigFile.load(Path.of(args.required("--config")));
        int parallelism = Launcher.parallelism(ctx, args.positiveInt("--parallelism"), spec, 0);
        Duration timeout = args.duration("--timeout", Duration.ofMinutes(2));
        if (args.value("--from-switchover").isPresent()) {
            String savepoint = args.value("--from-switchover").get();
            if (spec.generation() == 0) {
                throw CliException.usage(
                        "--from-switchover needs the reverse configuration that 'dc2dc"
                                + " switchover' wrote (it has sync.generation 1 or more; this"
                                + " one has none). Without --from-switchover, start copies"
                                + " everything.");
            }
            ResumeCommand.checkExists(savepoint);
            ctx.out.println(
                    "starting the reverse direction (generation "
                            + spec.generation()
                            + ") from the switchover savepoint "
                            + savepoint);
            Launcher.launch(ctx, spec, parallelism, savepoint, true, timeout);
            return ExitCode.OK;
        }
        Launcher.launch(ctx, spec, parallelism, null, timeout);
        ctx.state()
                .newestRestorePoint()
                .ifPresent(
                        p ->
                                ctx.out.println(
                                        "note: an earlier run of this replication left "
                                                + p.kind()
                                                + " "
                                                + p.path()
                                                + "; 'dc2dc resume' continues from such a point"
                                                + " instead of copying everything again"));
        return ExitCode.OK;
    }
}
