package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.http.PortReservation;
import io.dc2dc.emulator.junit.TestPorts;
import io.dc2dc.job.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * start, stop, resume, rescale and switchover end to end against two emulated clusters (real
 * preflight and server-mode calls over HTTP) and a fake Flink cluster that records what it is asked
 * to run.
 */
class LifecycleITCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private Emulator source;
    private Emulator destination;
    private CliHarness cli;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        source = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
        destination = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
        cli = new CliHarness(dir);
        Files.write(dir.resolve("job.jar"), new byte[] {'P', 'K'});
        config =
                Files.writeString(
                        dir.resolve("repl.yaml"),
                        "source:\n  endpoints: ["
                                + source.coordinatorUrl()
                                + "]\ndestination.endpoints: "
                                + destination.coordinatorUrl()
                                + "\nsync.poll-interval: 100 ms\n");
    }

    @AfterEach
    void stopClusters() {
        source.close();
        destination.close();
    }

    private static String mode(Emulator e) {
        return new Http(e.coordinatorUrl())
                .call("GET", "/_admin/server/mode", null)
                .path("mode")
                .asText();
    }

    private FakeFlink.Job start() {
        CliHarness.Result r = cli.run("start", "--config", config.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return cli.flink.jobs.get(cli.state().jobId());
    }

    @Test
    void startStopResumeRescale() throws IOException {
        FakeFlink.Job first = start();
        FlinkApi.RunRequest run = cli.flink.runs.get(0);
        assertThat(run.entryClass()).isEqualTo("io.dc2dc.job.Dc2dcJob");
        assertThat(run.programArgs())
                .containsExactly(
                        "--source.endpoints", source.coordinatorUrl(),
                        "--destination.endpoints", destination.coordinatorUrl(),
                        "--sync.poll-interval", "100 ms");
        assertThat(run.parallelism()).isEqualTo(2); // the cluster's parallelism.default
        assertThat(run.savepointPath()).isNull();
        JsonNode tags =
                JSON.readTree(run.flinkConfiguration().get("pipeline.global-job-parameters"));
        assertThat(tags.path("dc2dc.destination").asText()).isEqualTo(destination.coordinatorUrl());
        assertThat(tags.path("dc2dc.source").asText()).isEqualTo(source.coordinatorUrl());
        assertThat(cli.flink.uploads).containsExactly(dir.resolve("job.jar").toString());
        assertThat(cli.flink.deletedJars).hasSize(1);
        assertThat(cli.state().programArgs()).isEqualTo(run.programArgs());

        assertThat(cli.run("stop").exitCode()).isZero();
        String savepoint = cli.state().newestRestorePoint().orElseThrow().path();
        assertThat(first.state).isEqualTo("FINISHED");

        CliHarness.Result resumed = cli.run("resume");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        FlinkApi.RunRequest second = cli.flink.runs.get(1);
        assertThat(second.savepointPath()).isEqualTo(savepoint);
        assertThat(second.parallelism()).isEqualTo(2);
        assertThat(second.programArgs()).isEqualTo(run.programArgs());

        CliHarness.Result rescaled = cli.run("rescale", "1");
        assertThat(rescaled.exitCode()).as(rescaled.toString()).isZero();
        FlinkApi.RunRequest third = cli.flink.runs.get(2);
        assertThat(third.parallelism()).isEqualTo(1);
        assertThat(third.savepointPath())
                .isEqualTo(cli.state().newestRestorePoint().orElseThrow().path())
                .isNotEqualTo(savepoint);
        assertThat(cli.state().parallelism()).isEqualTo(1);
        assertThat(cli.flink.jobs.values())
                .extracting(j -> j.state)
                .containsExactly("FINISHED", "FINISHED", "RUNNING");
    }

    @Test
    void startIsRefusedIntoAReadOnlyDestination() {
        new Http(destination.coordinatorUrl())
                .call("PUT", "/_admin/server/mode", Map.of("mode", "readonly"));
        CliHarness.Result r = cli.run("start", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("the destination cluster is in read-only mode");
        assertThat(cli.flink.uploads).isEmpty();
    }

    @Test
    void startIsRefusedWhenTheSourceCannotBeReached() throws IOException {
        try (PortReservation refused = TestPorts.refusing()) {
            int port = refused.port();
            Path unreachable =
                    Files.writeString(
                            dir.resolve("down.yaml"),
                            "source.endpoints: http://127.0.0.1:"
                                    + port
                                    + "\ndestination.endpoints: "
                                    + destination.coordinatorUrl()
                                    + "\n");
            CliHarness.Result r = cli.run("start", "--config", unreachable.toString());
            assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(r.err()).contains("preflight: Cannot reach the source cluster");
            assertThat(cli.flink.uploads).isEmpty();
        }
    }

    @Test
    void switchoverDrainsWithTheSourceReadOnlyAndWritesTheReverse() throws IOException {
        FakeFlink.Job job = start();
        // readers that keep finding their WAL read to the end
        job.metrics = j -> FakeFlink.tailing(System.currentTimeMillis(), "s1", "s2");
        List<String> modeAtStop = new ArrayList<>();
        cli.flink.onStop = () -> modeAtStop.add(mode(source));
        Path reverse = dir.resolve("reverse.properties");
        CliHarness.Result r =
                cli.run(
                        "switchover",
                        "--config",
                        config.toString(),
                        "--margin",
                        "100ms",
                        "--reverse-config",
                        reverse.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(modeAtStop).containsExactly("readonly");
        assertThat(mode(source)).isEqualTo("default");
        assertThat(job.state).isEqualTo("FINISHED");
        JobSpec reversed = ConfigFile.load(reverse);
        assertThat(reversed.jobOptions())
                .containsEntry("source.endpoints", destination.coordinatorUrl())
                .containsEntry("destination.endpoints", source.coordinatorUrl())
                .containsEntry("sync.poll-interval", "100 ms");
        assertThat(reversed.generation()).isEqualTo(1);
        String savepoint = cli.state().newestRestorePoint().orElseThrow().path();
        assertThat(r.out())
                .contains("drained: every shard has read its WAL to the end")
                .contains(
                        "scripts/dc2dc start --config "
                                + reverse
                                + " --from-switchover "
                                + savepoint);

        // the printed command: the reverse job restores the switchover savepoint, except for
        // the old source's state
        CliHarness.Result back =
                cli.run("start", "--config", reverse.toString(), "--from-switchover", savepoint);
        assertThat(back.exitCode()).as(back.toString()).isZero();
        FlinkApi.RunRequest run = cli.flink.runs.get(1);
        assertThat(run.savepointPath()).isEqualTo(savepoint);
        assertThat(run.allowNonRestoredState()).isTrue();
        assertThat(run.programArgs())
                .containsSequence("--source.endpoints", destination.coordinatorUrl())
                .containsSequence("--sync.generation", "1");
    }

    @Test
    void fromSwitchoverNeedsTheReverseConfiguration() {
        CliHarness.Result r =
                cli.run("start", "--config", config.toString(), "--from-switchover", "file:/x");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(
                        "--from-switchover needs the reverse configuration that 'dc2dc"
                                + " switchover' wrote");
        assertThat(cli.flink.runs).isEmpty();
    }

    @Test
    void aSourceModeThatCannotBeRestoredIsAnErrorThatSaysHowToFixIt() {
        FakeFlink.Job job = start();
        job.metrics = j -> FakeFlink.tailing(System.currentTimeMillis(), "s1");
        cli.flink.onStop = source::close; // the source goes away while the job stops
        CliHarness.Result r =
                cli.run("switchover", "--config", config.toString(), "--margin", "100ms");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err())
                .contains("could not restore the source's mode to 'default'")
                .contains("PUT /_admin/server/mode {\"mode\":\"default\"}")
                .contains("the job is stopped (savepoint file:");
        assertThat(job.state).isEqualTo("FINISHED");
    }

    @Test
    void aSwitchoverThatCannotDrainRestoresTheSourceAndKeepsTheJob() {
        FakeFlink.Job job = start();
        job.metrics =
                j -> {
                    Map<String, String> m = new java.util.HashMap<>(FakeFlink.tailing(1, "s1"));
                    m.put(
                            "0.Source__source_cluster.database.shop.collection.orders.shard.s1.phase",
                            "0");
                    return m;
                };
        CliHarness.Result r =
                cli.run("switchover", "--config", config.toString(), "--timeout", "300ms");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("timed out after 300ms waiting for every shard to drain");
        assertThat(r.out()).contains("source mode restored to default");
        assertThat(mode(source)).isEqualTo("default");
        assertThat(job.state).isEqualTo("RUNNING");
    }
}
