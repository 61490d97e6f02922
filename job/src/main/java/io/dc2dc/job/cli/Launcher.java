package io.dc2dc.job.cli;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.VersionInfo;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.config.Preflight;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits a replication job, for {@code start}, {@code resume} and {@code rescale}: validates the
 * options as the job will, checks both clusters ({@link Preflight} plus "the destination is not
 * read-only"), refuses when a dc2dc job already writes into the destination, uploads the job jar,
 * runs it, and waits until every operator runs.
 */
final class Launcher {

    static final String ENTRY_CLASS = "io.dc2dc.job.Dc2dcJob";

    private Launcher() {}

    /**
     * Starts {@code spec} with {@code parallelism}, from {@code restorePath} if not null. Returns
     * the job id; the state file records the job.
     */
    static String launch(
            CliContext ctx, JobSpec spec, int parallelism, String restorePath, Duration timeout) {
        return launch(ctx, spec, parallelism, restorePath, false, timeout);
    }

    /**
     * As above; {@code allowNonRestoredState} lets Flink skip state of operators the job no longer
     * has (the old direction's source, for a reverse job started from a switchover savepoint).
     */
    static String launch(
            CliContext ctx,
            JobSpec spec,
            int parallelism,
            String restorePath,
            boolean allowNonRestoredState,
            Duration timeout) {
        JobConfig config = spec.validate(parallelism);
        if (!Files.isRegularFile(ctx.jar())) {
            throw CliException.usage(
                    "the job jar "
                            + ctx.jar()
                            + " does not exist; build it (mvn -pl job -am package -DskipTests)"
                            + " or name it with --jar / DC2DC_JOB_JAR");
        }
        FlinkApi flink = ctx.flink();
        List<String> source = config.source().cluster().endpoints();
        List<String> destination = config.sink().cluster().endpoints();
        Optional<String> conflict =
                JobLocator.conflict(JobLocator.active(flink), source, destination);
        if (conflict.isPresent()) {
            throw CliException.failed("refusing to start: " + conflict.get());
        }
        checkClusters(ctx, config);
        Map<String, String> flinkConf = new LinkedHashMap<>(spec.flinkOptions());
        flinkConf.putAll(JobLocator.tagConfiguration(config));
        String jarId = flink.uploadJar(ctx.jar());
        String jobId;
        try {
            jobId =
                    flink.runJar(
                            jarId,
                            new FlinkApi.RunRequest(
                                    ENTRY_CLASS,
                                    spec.programArgs(),
                                    parallelism,
                                    restorePath,
                                    flinkConf,
                                    allowNonRestoredState));
        } finally {
            // the job's classes are in Flink's blob store now; the upload is not needed again
            try {
                flink.deleteJar(jarId);
            } catch (CliException e) {
                ctx.err.println("dc2dc: warning: could not delete uploaded jar " + jarId);
            }
        }
        remember(ctx, flink.baseUrl(), jobId, spec, parallelism, destination);
        ctx.out.println("job id:  " + jobId);
        ctx.out.println("web UI:  " + flink.webUiUrl(jobId, true));
        awaitRunning(ctx, jobId, timeout);
        return jobId;
    }

    /**
     * Records the new job. Restore points stay if the state dir belonged to the same destination;
     * the state of another replication is archived next to it first.
     */
    private static void remember(
            CliContext ctx,
            String flinkUrl,
            String jobId,
            JobSpec spec,
            int parallelism,
            List<String> destination) {
        CliState before = ctx.state();
        boolean sameDestination =
                before.spec()
                        .map(s -> JobLocator.overlap(endpoints(s, "destination"), destination))
                        .orElse(false);
        if (before.spec().isPresent() && !sameDestination) {
            String archive = "state-" + before.jobId() + ".json";
            before.save(ctx.stateDir(), archive);
            ctx.out.println(
                    "the state dir remembered another replication; kept as "
                            + ctx.stateDir().resolve(archive));
        }
        ctx.save(before.withJob(flinkUrl, jobId, spec, parallelism, sameDestination));
    }

    /** Preflight of both clusters, and the destination must accept writes. */
    static void checkClusters(CliContext ctx, JobConfig config) {
        VersionInfo[] versions;
        try {
            versions = Preflight.check(config);
        } catch (Preflight.PreflightException e) {
            // not answering is exit 3; an untrusted certificate is configuration (exit 2)
            boolean unreachable =
                    e.getCause() instanceof ArangoException a
                            && a.httpStatus() <= 0
                            && !(a.getCause() instanceof javax.net.ssl.SSLException);
            throw new CliException(
                    unreachable ? ExitCode.FAILED : ExitCode.USAGE,
                    "preflight: " + e.getMessage(),
                    e);
        }
        ctx.out.println(
                "source:      ArangoDB "
                        + versions[0].version()
                        + " at "
                        + config.source().cluster().endpoints());
        ctx.out.println(
                "destination: ArangoDB "
                        + versions[1].version()
                        + " at "
                        + config.sink().cluster().endpoints());
        try (ArangoClient destination = ArangoClient.connect(config.sink().cluster())) {
            String mode = ServerMode.get(destination);
            if (ServerMode.READ_ONLY.equals(mode)) {
                throw CliException.failed(
                        "the destination cluster is in read-only mode (GET /_admin/server/mode"
                                + " says \"readonly\"), so dc2dc could not write to it. Set it"
                                + " back with PUT /_admin/server/mode {\"mode\":\"default\"} if"
                                + " it should receive this replication.");
            }
        } catch (ArangoException e) {
            throw CliException.failed(
                    "cannot read the destination's server mode: " + e.getMessage());
        }
    }

    /** Waits until the job and all its operators run; fails if it fails or restarts instead. */
    static void awaitRunning(CliContext ctx, String jobId, Duration timeout) {
        FlinkApi flink = ctx.flink();
        FlinkApi.JobDetails job =
                Poll.until(
                        ctx,
                        timeout,
                        "job " + jobId + " to run",
                        () -> flink.job(jobId),
                        Launcher::settled,
                        j -> j.state() + " " + j.vertices());
        if (!"RUNNING".equals(job.state())) {
            String why = flink.lastException(jobId).orElse("no exception recorded");
            throw CliException.failed(
                    "job " + jobId + " is " + job.state() + " instead of running: " + why);
        }
        ctx.out.println("running: every operator of job " + jobId + " runs");
    }

    /** Running with every operator running, or in a state that will not become that soon. */
    private static boolean settled(FlinkApi.JobDetails j) {
        if (!j.active() || List.of("FAILING", "RESTARTING").contains(j.state())) {
            return true;
        }
        return "RUNNING".equals(j.state())
                && !j.vertices().isEmpty()
                && j.vertices().stream().allMatch(v -> "RUNNING".equals(v.status()));
    }

    static List<String> endpoints(JobSpec spec, String prefix) {
        return JobLocator.endpoints(spec.jobOptions().get(prefix + ".endpoints"));
    }

    /**
     * The parallelism to run with: the option, else the configuration's {@code
     * parallelism.default}, else the remembered one, else the cluster's default, else 1.
     */
    static int parallelism(CliContext ctx, Optional<Integer> option, JobSpec spec, int remembered) {
        if (option.isPresent()) {
            return option.get();
        }
        if (spec.requestedParallelism() > 0) {
            return spec.requestedParallelism();
        }
        if (remembered > 0) {
            return remembered;
        }
        String clusterDefault = ctx.flink().clusterConfig().get(JobSpec.PARALLELISM_KEY);
        return clusterDefault == null
                ? 1
                : Args.parsePositive(JobSpec.PARALLELISM_KEY, clusterDefault);
    }
}
