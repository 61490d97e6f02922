package io.dc2dc.job.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.check.ContentDiff;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;

/** Shared plumbing of the replication ITCases: job options for two emulators, and waits. */
public final class Replication {

    private Replication() {}

    /** Job options replicating {@code source} into {@code destination}, fast intervals. */
    public static Configuration options(Emulator source, Emulator destination) {
        Configuration conf = new Configuration();
        conf.setString("source.endpoints", source.coordinatorUrl());
        conf.setString("destination.endpoints", destination.coordinatorUrl());
        conf.setString("sync.discovery-interval", "500 ms");
        conf.setString("sync.poll-interval", "50 ms");
        conf.setString("sync.dump-chunk-size", "64 kb");
        conf.setString("sink.retry.max-backoff", "1 s");
        return conf;
    }

    /** Flink settings for MiniCluster runs: RocksDB, incremental checkpoints every 500 ms. */
    public static Configuration flink(java.nio.file.Path checkpoints) {
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", "rocksdb");
        conf.setString("execution.checkpointing.interval", "500 ms");
        conf.setString("execution.checkpointing.incremental", "true");
        conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "5");
        conf.setString("restart-strategy.fixed-delay.delay", "200 ms");
        conf.setString("pipeline.generic-types", "false");
        return conf;
    }

    public static ClusterSpec spec(String name, Emulator emulator) {
        Configuration conf = new Configuration();
        conf.setString(name + ".endpoints", emulator.coordinatorUrl());
        return io.dc2dc.job.config.TestAccess.cluster(conf, name);
    }

    /**
     * Waits until the destination holds exactly the source's documents, or fails with the diff.
     * Returns the number of documents compared; a source without documents fails, since the
     * comparison would then pass trivially.
     */
    public static long awaitEqual(Emulator source, Emulator destination, Duration timeout) {
        try (ArangoClient s = ArangoClient.connect(spec("source", source));
                ArangoClient d = ArangoClient.connect(spec("destination", destination))) {
            long[] compared = {0};
            Supplier<ContentDiff> diff =
                    () -> {
                        Map<String, Map<String, JsonNode>> a = ClusterContents.read(s);
                        Map<String, Map<String, JsonNode>> b = ClusterContents.read(d);
                        compared[0] = a.values().stream().mapToLong(Map::size).sum();
                        return ContentDiff.of(a, b);
                    };
            long deadline = System.nanoTime() + timeout.toNanos();
            ContentDiff last = null;
            String lastError = null;
            while (last == null || !last.isEmpty()) {
                if (last != null || lastError != null) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(
                                "destination did not become equal to the source within "
                                        + timeout
                                        + "; "
                                        + (last == null ? lastError : last.summary(20)));
                    }
                    Waits.pause();
                }
                try {
                    last = diff.get();
                } catch (ArangoException e) {
                    boolean droppedMeanwhile = e.errorNum() == 1203 || e.errorNum() == 1228;
                    if (!e.isTransient() && !droppedMeanwhile) {
                        throw e;
                    }
                    // A test that injects failures also hits the comparison's own reads, and one
                    // that drops collections may drop one while the comparison reads it.
                    lastError = e.getMessage();
                    last = null;
                }
            }
            if (compared[0] == 0) {
                throw new AssertionError("the source holds no documents; nothing was compared");
            }
            return compared[0];
        }
    }
}
