package io.dc2dc.job.testing;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.Pipeline;
import io.dc2dc.job.config.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh emulated source and destination cluster (3 DB-servers each) for every test, and the
 * replication job between them on the test's MiniCluster: started, stopped with a savepoint,
 * resumed from one. Register as an instance field; the clusters are closed after each test.
 */
public final class Clusters implements BeforeEachCallback, AfterEachCallback {

    private Emulator source;
    private Emulator destination;
    private Path checkpoints;

    /** The MiniCluster the replication ITCases share: one TaskManager with two slots. */
    public static MiniClusterExtension miniCluster() {
        return miniCluster(new Configuration());
    }

    /**
     * The same MiniCluster reporting every metric to {@code metrics} (one reporter per MiniCluster:
     * a reporter is closed with its cluster).
     */
    public static MiniClusterExtension miniCluster(InMemoryReporter metrics) {
        return miniCluster(metrics.addToConfiguration(new Configuration()));
    }

    private static MiniClusterExtension miniCluster(Configuration configuration) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setConfiguration(configuration)
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }

    /** The values over subtasks and shards of a numeric metric of the job. */
    public static List<Double> metricValues(InMemoryReporter metrics, JobID job, String name) {
        List<Double> values = new ArrayList<>();
        for (Map.Entry<String, Metric> e : metrics.findMetrics(job, name).entrySet()) {
            if (!e.getKey().endsWith("." + name)) {
                continue;
            }
            if (e.getValue() instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                values.add(n.doubleValue());
            } else if (e.getValue() instanceof Counter c) {
                values.add((double) c.getCount());
            }
        }
        return values;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        checkpoints = Files.createTempDirectory("dc2dc-it");
        source = Emulator.start(EmulatorConfig.builder().dbServers(3).build());
        destination = Emulator.start(EmulatorConfig.builder().dbServers(3).build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FailOnce.disarm();
        source.close();
        destination.close();
        // the test's checkpoints and savepoints; quietly: a job the MiniCluster has yet to cancel
        // may still write one
        FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
    }

    public Emulator source() {
        return source;
    }

    public Emulator destination() {
        return destination;
    }

    public JobClient start(int parallelism) throws Exception {
        return start(parallelism, null, UnaryOperator.identity());
    }

    /** Starts the job, from {@code savepoint} if not null, with {@code beforeSink} applied. */
    public JobClient start(
            int parallelism, String savepoint, UnaryOperator<DataStream<ChangeEvent>> beforeSink)
            throws Exception {
        return start(parallelism, savepoint, beforeSink, options -> {});
    }

    /** Starts the job, from {@code savepoint} if not null, with extra job options. */
    public JobClient startWith(
            int parallelism, String savepoint, java.util.function.Consumer<Configuration> extra)
            throws Exception {
        return start(parallelism, savepoint, UnaryOperator.identity(), extra);
    }

    private JobClient start(
            int parallelism,
            String savepoint,
            UnaryOperator<DataStream<ChangeEvent>> beforeSink,
            java.util.function.Consumer<Configuration> extra)
            throws Exception {
        Configuration flink = Replication.flink(checkpoints);
        if (savepoint != null) {
            flink.setString("execution.state-recovery.path", savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(parallelism);
        Configuration options = Replication.options(source, destination);
        extra.accept(options);
        Pipeline.build(env, JobConfig.from(options, parallelism), beforeSink);
        return env.executeAsync("dc2dc-it");
    }

    public String stopWithSavepoint(JobClient job) throws Exception {
        return job.stopWithSavepoint(
                        false,
                        checkpoints.resolve("savepoints").toUri().toString(),
                        SavepointFormatType.CANONICAL)
                .get();
    }
}
