package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a fake Flink cluster: exit codes, what is remembered in the state file, and
 * the refusals that happen before any cluster is contacted.
 */
class CommandsTest {

    private static final String SRC = "http://127.0.0.1:1";
    private static final String DST = "http://127.0.0.1:2";

    @TempDir Path dir;
    private CliHarness cli;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        Files.write(dir.resolve("job.jar"), new byte[] {'P', 'K'});
        config =
                Files.writeString(
                        dir.resolve("repl.yaml"),
                        "source.endpoints: " + SRC + "\ndestination.endpoints: " + DST + "\n");
    }

    @Test
    void helpAndUsageErrors() {
        assertThat(cli.run().exitCode()).isEqualTo(ExitCode.USAGE);
        CliHarness.Result overview = cli.run("--help");
        assertThat(overview.exitCode()).isZero();
        assertThat(overview.out())
                .contains("start", "status", "stop", "resume", "rescale", "abort", "check")
                .contains("switchover", "Exit codes:");
        for (String name : Dc2dcCli.commands().keySet()) {
            CliHarness.Result help = cli.run(name, "--help");
            assertThat(help.exitCode()).as(name).isZero();
            assertThat(help.out()).as(name).contains("Usage: dc2dc " + name, "Exit codes:");
        }
        assertThat(cli.run("help", "stop").out()).contains("Usage: dc2dc stop");
        CliHarness.Result unknown = cli.run("strat");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown command 'strat'");
        CliHarness.Result badOption = cli.run("status", "--jsn");
        assertThat(badOption.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err())
                .contains("unknown option '--jsn'", "dc2dc status --help shows the options");
    }

    @Test
    void statusExitCodesFollowTheJobsHealth() {
        CliHarness.Result none = cli.run("status");
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(none.err()).contains("no dc2dc job runs");

        FakeFlink.Job job = cli.flink.addJob(SRC, DST);
        job.metrics = j -> FakeFlink.tailing(System.currentTimeMillis(), "s1", "s2");
        CliHarness.Result healthy = cli.run("status");
        assertThat(healthy.exitCode()).as(healthy.toString()).isEqualTo(ExitCode.OK);
        assertThat(healthy.out()).contains("health     healthy", "orders      s1");
        assertThat(cli.run("status", "--max-lag", "100ms").exitCode())
                .isEqualTo(ExitCode.NOT_IN_SYNC);

        job.metrics =
                j -> {
                    Map<String, String> m =
                            new java.util.HashMap<>(FakeFlink.tailing(1, "s1", "s2"));
                    m.put(
                            "0.Source__source_cluster.database.shop.collection.orders.shard.s2.phase",
                            "0");
                    return m;
                };
        CliHarness.Result lagging = cli.run("status", "--json");
        assertThat(lagging.exitCode()).isEqualTo(ExitCode.NOT_IN_SYNC);
        assertThat(lagging.out()).startsWith("{").contains("\"health\":\"lagging\"");

        job.state = "RESTARTING";
        job.exception = "IllegalStateException: destination unreachable";
        CliHarness.Result failed = cli.run("status");
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.out()).contains("destination unreachable");
    }

    @Test
    void statusReadsTheMetricsAgainWhenFlinksCacheLooksStale() throws IOException {
        FakeFlink.Job job = cli.flink.addJob(SRC, DST);
        long stale = System.currentTimeMillis() - 12_000;
        java.util.concurrent.atomic.AtomicInteger calls =
                new java.util.concurrent.atomic.AtomicInteger();
        // the first list + values come from an old cache entry, later ones are fresh
        job.metrics =
                j ->
                        FakeFlink.tailing(
                                calls.incrementAndGet() <= 2 ? stale : System.currentTimeMillis(),
                                "s1");
        CliHarness.Result r = cli.run("status", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        long upTo =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.out())
                        .path("replicatedUpTo")
                        .asLong();
        assertThat(upTo).isGreaterThan(stale);
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void severalJobsNeedAJobOption() {
        FakeFlink.Job a = cli.flink.addJob(SRC, DST);
        cli.flink.addJob(SRC, "http://127.0.0.1:3");
        CliHarness.Result r = cli.run("stop");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("several dc2dc jobs run; choose one with --job ID");
        a.metrics = j -> FakeFlink.tailing(System.currentTimeMillis(), "s1");
        assertThat(cli.run("status", "--job", a.id).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void stopWaitsForTheSavepointAndRemembersIt() {
        FakeFlink.Job job = cli.flink.addJob(SRC, DST);
        cli.flink.savepointPollsInProgress = 3;
        CliHarness.Result r = cli.run("stop");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(job.state).isEqualTo("FINISHED");
        CliState.RestorePoint point = cli.state().newestRestorePoint().orElseThrow();
        assertThat(point.kind()).isEqualTo("savepoint");
        assertThat(point.jobId()).isEqualTo(job.id);
        assertThat(Files.isDirectory(Path.of(point.path().substring("file:".length())))).isTrue();
        assertThat(r.out()).contains("savepoint: " + point.path(), "is FINISHED");
        // nothing runs any more
        assertThat(cli.run("stop").exitCode()).isEqualTo(ExitCode.FAILED);
        CliHarness.Result status = cli.run("status", "--job", job.id);
        assertThat(status.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(status.out()).contains("FINISHED", "'dc2dc resume' continues from savepoint");
    }

    @Test
    void aFailedSavepointLeavesTheJobRunningAndRemembersNothing() {
        FakeFlink.Job job = cli.flink.addJob(SRC, DST);
        cli.flink.savepointFailure = "IOException: disk full";
        CliHarness.Result r = cli.run("stop");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("failed, so the job was not stopped: IOException: disk full");
        assertThat(job.state).isEqualTo("RUNNING");
        assertThat(cli.state().restorePoints()).isEmpty();
    }

    @Test
    void resumeNeedsSomethingToResumeFrom() {
        CliHarness.Result r = cli.run("resume", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no savepoint to resume from");
        CliHarness.Result noOptions = cli.run("resume", "--savepoint", "file:/nowhere");
        assertThat(noOptions.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noOptions.err()).contains("give --config FILE");
        CliHarness.Result gone =
                cli.run(
                        "resume",
                        "--config",
                        config.toString(),
                        "--savepoint",
                        "file:" + dir.resolve("savepoint-gone"));
        assertThat(gone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(gone.err()).contains("does not exist");
        assertThat(cli.flink.runs).isEmpty();
    }

    @Test
    void abortCancelsAndRemembersTheRetainedCheckpoint() {
        FakeFlink.Job job = cli.flink.addJob(SRC, DST);
        CliHarness.Result r = cli.run("abort");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(job.state).isEqualTo("CANCELED");
        CliState.RestorePoint point = cli.state().newestRestorePoint().orElseThrow();
        assertThat(point.kind()).isEqualTo("checkpoint");
        assertThat(point.path()).endsWith("/chk-7");
        assertThat(r.out()).contains("last checkpoint: " + point.path());
    }

    @Test
    void startIsRefusedWhileAJobWritesIntoTheDestination() {
        FakeFlink.Job running = cli.flink.addJob("http://127.0.0.1:9", DST + "/");
        CliHarness.Result r = cli.run("start", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("refusing to start", running.id, "already replicates into");
        assertThat(cli.flink.uploads).isEmpty();
    }

    @Test
    void startWithoutAJobJarSaysHowToBuildIt() throws IOException {
        Files.delete(dir.resolve("job.jar"));
        CliHarness.Result r = cli.run("start", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("does not exist; build it (mvn -pl job -am package");
    }

    @Test
    void startIsRefusedWhileTheReverseDirectionRuns() {
        cli.flink.addJob(DST, SRC);
        CliHarness.Result r = cli.run("start", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("reverse direction");
    }

    @Test
    void startIsRefusedWhileAnUntaggedDc2dcJobRuns() {
        cli.flink.addJob(null, null);
        CliHarness.Result r = cli.run("start", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("its destination is unknown");
    }

    @Test
    void rescaleChecksTheNewParallelismBeforeStoppingAnything() {
        FakeFlink.Job job = cli.flink.addJob(SRC, DST);
        JobSpec spec =
                ConfigFile.split(
                        Map.of(
                                "source.endpoints", SRC,
                                "destination.endpoints", DST,
                                "sync.max-parallelism", "4"),
                        "test");
        cli.stateDir.toFile().mkdirs();
        CliState.empty()
                .withJob("http://flink.test:8081", job.id, spec, 2, false)
                .save(cli.stateDir);
        CliHarness.Result tooWide = cli.run("rescale", "8");
        assertThat(tooWide.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tooWide.err()).contains("sync.max-parallelism");
        assertThat(cli.run("rescale", "0").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("rescale").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(job.state).isEqualTo("RUNNING");
        assertThat(cli.state().restorePoints()).isEmpty();
    }

    @Test
    void rescaleOfAJobStartedElsewhereIsRefused() {
        cli.flink.addJob(SRC, DST);
        CliHarness.Result r = cli.run("rescale", "2");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("was not started from the state dir");
        assertThat(cli.flink.jobs.values()).extracting(j -> j.state).containsOnly("RUNNING");
        assertThat(cli.flink.runs).isEqualTo(List.of());
    }
}
