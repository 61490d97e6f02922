package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.job.config.JobConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files (YAML, properties) into program arguments and Flink settings. */
class ConfigFileTest {

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void yamlNestedFlatAndListsBecomeProgramArgsAndFlinkSettings() throws IOException {
        Path file =
                write(
                        "repl.yaml",
                        """
                        source:
                          endpoints: [http://a1:8529, http://a2:8529]
                          jwt-secret-file: /etc/dc2dc/a.jwt
                        destination.endpoints: http://b1:8529
                        sync:
                          poll-interval: 100 ms
                        execution.checkpointing.interval: 10 s
                        parallelism:
                          default: 3
                        """);
        JobSpec spec = ConfigFile.load(file);
        assertThat(spec.programArgs())
                .containsExactly(
                        "--source.endpoints", "http://a1:8529;http://a2:8529",
                        "--source.jwt-secret-file", "/etc/dc2dc/a.jwt",
                        "--destination.endpoints", "http://b1:8529",
                        "--sync.poll-interval", "100 ms");
        assertThat(spec.flinkOptions())
                .containsExactly(
                        Map.entry("execution.checkpointing.interval", "10 s"),
                        Map.entry("parallelism.default", "3"));
        assertThat(spec.requestedParallelism()).isEqualTo(3);
        JobConfig config = spec.validate(3);
        assertThat(config.source().cluster().endpoints())
                .containsExactly("http://a1:8529", "http://a2:8529");
        assertThat(config.source().pollInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void propertiesFile() throws IOException {
        Path file =
                write(
                        "repl.properties",
                        """
                        # comment
                        source.endpoints = http://a1:8529
                        destination.endpoints = http://b1:8529;http://b2:8529
                        sink.batch-documents = 500
                        """);
        JobSpec spec = ConfigFile.load(file);
        assertThat(spec.validate(1).sink().batchDocuments()).isEqualTo(500);
        assertThat(spec.validate(1).sink().cluster().endpoints()).hasSize(2);
    }

    @Test
    void unknownDc2dcKeyIsAnErrorListingTheKnownOnes() throws IOException {
        Path file = write("repl.yaml", "sync.pol-interval: 1 s\n");
        assertThatThrownBy(() -> ConfigFile.load(file))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("unknown option 'sync.pol-interval'")
                .hasMessageContaining("sync.poll-interval");
    }

    @Test
    void aSecretValueIsRefusedWithTheFileAndEnvAlternatives() throws IOException {
        Path file = write("repl.yaml", "source.password: hunter2\n");
        assertThatThrownBy(() -> ConfigFile.load(file))
                .hasMessageContaining("secrets are never values")
                .hasMessageContaining("source.password-file")
                .hasMessageContaining("source.password-env")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theTagSettingIsReserved() throws IOException {
        Path file = write("repl.yaml", "pipeline.global-job-parameters: {a: b}\n");
        assertThatThrownBy(() -> ConfigFile.load(file)).hasMessageContaining("set by dc2dc");
    }

    @Test
    void badFiles() throws IOException {
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("does not exist");
        Path json = write("repl.json", "{}");
        assertThatThrownBy(() -> ConfigFile.load(json)).hasMessageContaining(".properties");
        Path broken = write("repl.yaml", "source: [unclosed\n");
        assertThatThrownBy(() -> ConfigFile.load(broken)).hasMessageContaining("not valid YAML");
        Path empty = write("empty.yaml", "source.endpoints:\n");
        assertThatThrownBy(() -> ConfigFile.load(empty)).hasMessageContaining("is empty");
    }

    @Test
    void invalidValuesFailLikeTheJobWouldNamingTheKey() throws IOException {
        Path file =
                write(
                        "repl.yaml",
                        "source.endpoints: http://a:8529\ndestination.endpoints: ftp://b:21\n");
        assertThatThrownBy(() -> ConfigFile.load(file).validate(1))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("destination.endpoints");
        Path tooWide =
                write(
                        "wide.yaml",
                        "source.endpoints: http://a:8529\ndestination.endpoints: http://b:8529\n"
                                + "sync.max-parallelism: 4\n");
        assertThatThrownBy(() -> ConfigFile.load(tooWide).validate(8))
                .hasMessageContaining("sync.max-parallelism");
    }

    @Test
    void knownKeysComeFromTheOptionClasses() {
        assertThat(ConfigFile.knownJobKeys())
                .contains(
                        "source.endpoints",
                        "destination.jwt-secret-env",
                        "sync.syncer-id",
                        "sink.batch-size")
                .allMatch(k -> k.matches("(source|destination|sync|sink)\\..+"));
    }

    @Test
    void reversedSwapsTheClustersAndDropsTheSyncerIdAndSurvivesAPropertiesRoundTrip()
            throws IOException {
        JobSpec spec =
                ConfigFile.split(
                        Map.of(
                                "source.endpoints", "http://a:8529",
                                "source.jwt-secret-file", "/s/a.jwt",
                                "destination.endpoints", "http://b:8529",
                                "sync.syncer-id", "77",
                                "sync.poll-interval", "100 ms",
                                "execution.checkpointing.interval", "10 s"),
                        "test");
        JobSpec reversed = spec.reversed();
        assertThat(reversed.jobOptions())
                .containsEntry("destination.endpoints", "http://a:8529")
                .containsEntry("destination.jwt-secret-file", "/s/a.jwt")
                .containsEntry("source.endpoints", "http://b:8529")
                .containsEntry("sync.poll-interval", "100 ms")
                .containsEntry("sync.generation", "1")
                .doesNotContainKey("sync.syncer-id");
        assertThat(reversed.reversed().generation()).isEqualTo(2);
        Path file = dir.resolve("reverse.properties");
        ConfigFile.writeProperties(reversed, file, "two\nlines");
        assertThat(Files.readString(file)).startsWith("# two\n# lines\n");
        JobSpec back = ConfigFile.load(file);
        assertThat(back.jobOptions()).isEqualTo(reversed.jobOptions());
        assertThat(back.flinkOptions()).isEqualTo(reversed.flinkOptions());
    }

    @Test
    void programArgsRoundTrip() {
        JobSpec spec =
                ConfigFile.split(
                        Map.of("source.endpoints", "http://a:8529", "sync.poll-interval", "1 s"),
                        "test");
        assertThat(JobSpec.fromProgramArgs(spec.programArgs(), Map.of()).jobOptions())
                .isEqualTo(spec.jobOptions());
        assertThatThrownBy(() -> JobSpec.fromProgramArgs(java.util.List.of("--a"), Map.of()))
                .hasMessageContaining("pairs");
    }
}
