package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.ordering.OrderingStateOptions;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.state.rocksdb.RocksDBOptionsFactory;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;

/**
 * The job turns RocksDB's bloom filters on for the ordering state, in the sorted files and in the
 * memtables, unless the Flink configuration decides otherwise; checked in the options file RocksDB
 * writes for the running job.
 */
class StateBackendTuningITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static final String FILTER_POLICY = "filter_policy";
    private static final String MEMTABLE_WHOLE_KEY = "memtable_whole_key_filtering";
    private static final String MEMTABLE_BLOOM_RATIO = "memtable_prefix_bloom_size_ratio";
    private static final Set<String> LOOKED_AT =
            Set.of(FILTER_POLICY, MEMTABLE_WHOLE_KEY, MEMTABLE_BLOOM_RATIO);

    @TempDir Path dir;

    /** A factory of the user's own, named in the Flink configuration. */
    public static final class UsersOwnOptions implements RocksDBOptionsFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public DBOptions createDBOptions(
                DBOptions currentOptions, Collection<AutoCloseable> handlesToClose) {
            return currentOptions;
        }

        @Override
        public ColumnFamilyOptions createColumnOptions(
                ColumnFamilyOptions currentOptions, Collection<AutoCloseable> handlesToClose) {
            return currentOptions.setMemtablePrefixBloomSizeRatio(0.05);
        }
    }

    @Test
    void bloomFiltersAreOnByDefaultAndExplicitSettingsWin() throws Exception {
        try (Emulator source = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
                Emulator destination =
                        Emulator.start(EmulatorConfig.builder().dbServers(2).build())) {
            Workload w = new Workload(source.coordinatorUrl(), 3);
            w.createDatabase("t");
            w.createCollection("t", "docs", 2, false);
            w.insertMany("t", "docs", "d", 200, 50);

            Map<String, String> byDefault = orderingOptions(source, destination, "default", false);
            assertThat(byDefault.get(FILTER_POLICY))
                    .as("filter_policy of the ordering state with the job's default")
                    .containsIgnoringCase("bloom");
            assertThat(byDefault.get(MEMTABLE_WHOLE_KEY))
                    .as("memtable_whole_key_filtering with the job's default")
                    .isEqualTo("true");
            assertThat(Double.parseDouble(byDefault.get(MEMTABLE_BLOOM_RATIO)))
                    .as("memtable_prefix_bloom_size_ratio with the job's default")
                    .isEqualTo(OrderingStateOptions.MEMTABLE_BLOOM_RATIO);

            Map<String, String> explicit = orderingOptions(source, destination, "explicit", true);
            assertThat(explicit.get(FILTER_POLICY))
                    .as("filter_policy with state.backend.rocksdb.use-bloom-filter: false")
                    .isEqualTo("nullptr");
            assertThat(Double.parseDouble(explicit.get(MEMTABLE_BLOOM_RATIO)))
                    .as("memtable_prefix_bloom_size_ratio with the user's options factory")
                    .isEqualTo(0.05);
            assertThat(explicit.get(MEMTABLE_WHOLE_KEY))
                    .as("memtable_whole_key_filtering with the user's options factory")
                    .isEqualTo("false");
        }
    }

    /**
     * Runs the job until the destination is equal and returns the ordering state's options that the
     * test looks at; {@code explicit} sets both options the job would otherwise set.
     */
    private Map<String, String> orderingOptions(
            Emulator source, Emulator destination, String name, boolean explicit) throws Exception {
        Path localDir = Files.createDirectories(dir.resolve(name + "-rocksdb"));
        Configuration flink = Replication.flink(Files.createDirectories(dir.resolve(name)));
        flink.setString("state.backend.rocksdb.localdir", localDir.toString());
        if (explicit) {
            flink.setString("state.backend.rocksdb.use-bloom-filter", "false");
            flink.setString(
                    "state.backend.rocksdb.options-factory", UsersOwnOptions.class.getName());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        Configuration options = Replication.options(source, destination);
        options.setString("filter.exclude-collections", "_.*");
        Pipeline.build(env, JobConfig.from(options, 1));
        JobClient job = env.executeAsync("dc2dc-state-backend-" + name);
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            Map<String, String> found = new HashMap<>();
            Waits.until(
                    "RocksDB options file with the ordering state's options in " + localDir,
                    Duration.ofSeconds(30),
                    () -> {
                        found.clear();
                        found.putAll(options(localDir, "doc-state"));
                        return found.keySet().containsAll(LOOKED_AT);
                    },
                    () -> "found " + found + " in the options files " + optionsFiles(localDir));
            return found;
        } finally {
            job.cancel().get();
        }
    }

    /**
     * The options in {@link #LOOKED_AT} of column family {@code family} in the newest RocksDB
     * OPTIONS file under {@code root} that has that family.
     */
    private static Map<String, String> options(Path root, String family) {
        // Newest first: RocksDB writes a new file whenever a column family is created.
        List<Path> files = optionsFiles(root).stream().sorted(Comparator.reverseOrder()).toList();
        Set<String> sections =
                Set.of(
                        "[CFOptions \"" + family + "\"]",
                        "[TableOptions/BlockBasedTable \"" + family + "\"]");
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            boolean inSection = false;
            for (String line : lines) {
                String t = line.trim();
                int eq = t.indexOf('=');
                if (t.startsWith("[")) {
                    inSection = sections.contains(t);
                } else if (inSection && eq > 0) {
                    String key = t.substring(0, eq).toLowerCase(Locale.ROOT);
                    if (LOOKED_AT.contains(key)) {
                        found.put(key, t.substring(eq + 1));
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Map.of();
    }

    private static List<Path> optionsFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().startsWith("OPTIONS-")).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // RocksDB renames files while we walk; look again
        }
    }
}
