package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job turns RocksDB's bloom filters on for the ordering state unless the Flink configuration
 * decides otherwise; checked in the options file RocksDB writes for the running job.
 */
class StateBackendTuningITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @TempDir Path dir;

    @Test
    void bloomFiltersAreOnByDefaultAndAnExplicitSettingWins() throws Exception {
        try (Emulator source = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
                Emulator destination =
                        Emulator.start(EmulatorConfig.builder().dbServers(2).build())) {
            Workload w = new Workload(source.coordinatorUrl(), 3);
            w.createDatabase("t");
            w.createCollection("t", "docs", 2, false);
            w.insertMany("t", "docs", "d", 200, 50);

            assertThat(orderingFilterPolicy(source, destination, "default", null))
                    .as("filter_policy of the ordering state with the job's default")
                    .containsIgnoringCase("bloom");
            assertThat(orderingFilterPolicy(source, destination, "off", false))
                    .as("filter_policy with state.backend.rocksdb.use-bloom-filter: false")
                    .isEqualTo("nullptr");
        }
    }

    /** Runs the job until the destination is equal and returns the ordering state's filter. */
    private String orderingFilterPolicy(
            Emulator source, Emulator destination, String name, Boolean bloom) throws Exception {
        Path localDir = Files.createDirectories(dir.resolve(name + "-rocksdb"));
        Configuration flink = Replication.flink(Files.createDirectories(dir.resolve(name)));
        flink.setString("state.backend.rocksdb.localdir", localDir.toString());
        if (bloom != null) {
            flink.setString("state.backend.rocksdb.use-bloom-filter", bloom.toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        Configuration options = Replication.options(source, destination);
        options.setString("filter.exclude-collections", "_.*");
        Pipeline.build(env, JobConfig.from(options, 1));
        JobClient job = env.executeAsync("dc2dc-state-backend-" + name);
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            String[] policy = {null};
            Waits.until(
                    "RocksDB options file with the ordering state's table options in " + localDir,
                    Duration.ofSeconds(30),
                    () -> {
                        policy[0] = filterPolicy(localDir, "doc-state").orElse(null);
                        return policy[0] != null;
                    },
                    () -> "options files: " + optionsFiles(localDir));
            return policy[0];
        } finally {
            job.cancel().get();
        }
    }

    /**
     * The {@code filter_policy} of column family {@code family} in the newest RocksDB OPTIONS file
     * under {@code root}.
     */
    private static Optional<String> filterPolicy(Path root, String family) {
        // Newest first: RocksDB writes a new file whenever a column family is created.
        List<Path> files = optionsFiles(root).stream().sorted(Comparator.reverseOrder()).toList();
        String header = "[TableOptions/BlockBasedTable \"" + family + "\"]";
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                continue;
            }
            boolean inSection = false;
            for (String line : lines) {
                String t = line.trim();
                if (t.startsWith("[")) {
                    inSection = t.equals(header);
                } else if (inSection && t.toLowerCase(Locale.ROOT).startsWith("filter_policy=")) {
                    return Optional.of(t.substring("filter_policy=".length()));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> optionsFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().startsWith("OPTIONS-")).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // RocksDB renames files while we walk; look again
        }
    }
}
