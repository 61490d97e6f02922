package io.dc2dc.job.config;

import io.dc2dc.arango.auth.SecretRef;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.TlsSpec;
import io.dc2dc.sink.SinkConfig;
import io.dc2dc.sink.structure.ReplicationMarker;
import io.dc2dc.sink.structure.StructureOptions;
import io.dc2dc.source.CollectionFilter;
import io.dc2dc.source.SourceConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Reads the job's options once into validated source and sink settings. A bad value fails at job
 * start with a message that names the key, the value and what is allowed.
 */
public record JobConfig(
        SourceConfig source,
        SinkConfig sink,
        StructureOptions structure,
        Duration tombstoneTtl,
        int maxParallelism,
        int generation) {

    /** A setting that is missing or wrong; the message says which and what to do. */
    public static final class InvalidConfigException extends IllegalArgumentException {
        InvalidConfigException(String message) {
            super(message);
        }
    }

    /**
     * Fetched chunks (of {@code sync.dump-chunk-size}) a reader queues for its task thread. Four
     * keep the task busy (scripts/bench: the same CPU seconds and rate as 16) with half the job's
     * live set during a snapshot (146 instead of 255 MB at 1,000,000 documents).
     */
    private static final int READER_QUEUE_CHUNKS = 4;

    public static JobConfig from(Configuration conf, int parallelism) {
        ClusterSpec source = cluster(conf, ClusterOptions.SOURCE);
        ClusterSpec destination = cluster(conf, ClusterOptions.DESTINATION);
        if (source.endpoints().equals(destination.endpoints())) {
            throw new InvalidConfigException(
                    "source.endpoints and destination.endpoints are the same ("
                            + source.endpoints()
                            + "); a cluster cannot replicate into itself.");
        }
        long syncerId =
                conf.getOptional(SyncOptions.SYNCER_ID)
                        .orElse(
                                (long) (destination.endpoints().toString().hashCode() & 0x7fffffff)
                                        + 1);
        if (syncerId <= 0) {
            throw invalid(SyncOptions.SYNCER_ID, syncerId, "a positive number");
        }
        int maxParallelism = positiveInt(conf, SyncOptions.MAX_PARALLELISM);
        if (maxParallelism < parallelism) {
            throw new InvalidConfigException(
                    "sync.max-parallelism ("
                            + maxParallelism
                            + ") is below the job's parallelism ("
                            + parallelism
                            + "); raise sync.max-parallelism.");
        }
        SourceConfig sourceConfig =
                new SourceConfig(
                        source,
                        positive(conf, SyncOptions.DISCOVERY_INTERVAL),
                        positive(conf, SyncOptions.POLL_INTERVAL),
                        bytes(conf, SyncOptions.DUMP_CHUNK_SIZE),
                        bytes(conf, SyncOptions.TAIL_CHUNK_SIZE),
                        positiveInt(conf, SyncOptions.SNAPSHOT_CONCURRENCY),
                        positive(conf, SyncOptions.BATCH_TTL),
                        syncerId,
                        parallelism,
                        maxParallelism,
                        READER_QUEUE_CHUNKS,
                        filter(conf));
        long batchBytes = conf.get(SyncOptions.SINK_BATCH_SIZE).getBytes();
        long bufferBytes = conf.get(SyncOptions.SINK_BUFFER_SIZE).getBytes();
        if (bufferBytes < batchBytes) {
            throw new InvalidConfigException(
                    "sink.buffer-size ("
                            + bufferBytes
                            + " bytes) is smaller than sink.batch-size ("
                            + batchBytes
                            + " bytes); make the buffer at least one batch.");
        }
        SinkConfig sinkConfig =
                new SinkConfig(
                        destination,
                        positiveInt(conf, SyncOptions.SINK_BATCH_DOCUMENTS),
                        batchBytes,
                        bufferBytes,
                        positiveInt(conf, SyncOptions.SINK_MAX_IN_FLIGHT),
                        positive(conf, SyncOptions.SINK_LINGER),
                        positiveInt(conf, SyncOptions.SINK_RETRY_ATTEMPTS),
                        positive(conf, SyncOptions.SINK_RETRY_INITIAL_BACKOFF),
                        positive(conf, SyncOptions.SINK_RETRY_MAX_BACKOFF));
        return new JobConfig(
                sourceConfig,
                sinkConfig,
                structure(conf)
                        .withReplicationIdentity(ReplicationMarker.identity(source, syncerId)),
                positive(conf, SyncOptions.TOMBSTONE_TTL),
                maxParallelism,
                generation(conf));
    }

    private static int generation(Configuration conf) {
        int v = conf.get(SyncOptions.GENERATION);
        if (v < 0) {
            throw invalid(SyncOptions.GENERATION, v, "0 or more");
        }
        return v;
    }

    private static CollectionFilter filter(Configuration conf) {
        return CollectionFilter.of(
                        rules(conf, StructureSettings.INCLUDE_DATABASES),
                        rules(conf, StructureSettings.EXCLUDE_DATABASES),
                        rules(conf, StructureSettings.INCLUDE_COLLECTIONS),
                        rules(conf, StructureSettings.EXCLUDE_COLLECTIONS))
                .dropExcluded(conf.get(StructureSettings.DROP_EXCLUDED));
    }

    /** The option's rules, each checked to be a valid regular expression. */
    private static List<String> rules(Configuration conf, ConfigOption<List<String>> option) {
        List<String> rules = conf.get(option);
        try {
            CollectionFilter.of(rules, List.of(), List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(
                    option.key() + ": " + e.getMessage() + ". Fix or remove that rule.");
        }
        return rules;
    }

    private static StructureOptions structure(Configuration conf) {
        int min = positiveInt(conf, StructureSettings.MIN_REPLICATION_FACTOR);
        int max = positiveInt(conf, StructureSettings.MAX_REPLICATION_FACTOR);
        if (max < min) {
            throw new InvalidConfigException(
                    StructureSettings.MAX_REPLICATION_FACTOR.key()
                            + " ("
                            + max
                            + ") is below "
                            + StructureSettings.MIN_REPLICATION_FACTOR.key()
                            + " ("
                            + min
                            + "); make the maximum at least the minimum.");
        }
        return new StructureOptions(min, max, conf.get(StructureSettings.EXCLUDE_ROOT_USER));
    }

    static ClusterSpec cluster(Configuration conf, ClusterOptions o) {
        List<String> endpoints = conf.getOptional(o.endpoints).orElse(List.of());
        if (endpoints.isEmpty()) {
            throw new InvalidConfigException(
                    o.endpoints.key()
                            + " is missing: set it to the "
                            + o.prefix
                            + " cluster's coordinator URLs, e.g. http://coordinator1:8529.");
        }
        for (String endpoint : endpoints) {
            checkUrl(o, endpoint);
        }
        SecretRef password = secret(conf, o.passwordFile, o.passwordEnv);
        SecretRef jwtSecret = secret(conf, o.jwtSecretFile, o.jwtSecretEnv);
        return new ClusterSpec(
                o.prefix,
                List.copyOf(endpoints),
                conf.get(o.username),
                password,
                jwtSecret,
                new TlsSpec(conf.getOptional(o.caFile).orElse(null), conf.get(o.tlsVerify)),
                positive(conf, o.requestTimeout));
    }

    private static void checkUrl(ClusterOptions o, String endpoint) {
        String problem = null;
        try {
            URI uri = new URI(endpoint.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                problem = "the scheme must be http or https";
            } else if (uri.getHost() == null) {
                problem = "there is no host";
            }
        } catch (java.net.URISyntaxException e) {
            problem = e.getReason();
        }
        if (problem != null) {
            throw new InvalidConfigException(
                    o.endpoints.key()
                            + " has the invalid URL '"
                            + endpoint
                            + "': "
                            + problem
                            + ". Use http://host:port or https://host:port.");
        }
    }

    private static SecretRef secret(
            Configuration conf, ConfigOption<String> file, ConfigOption<String> env) {
        var f = conf.getOptional(file);
        var e = conf.getOptional(env);
        if (f.isPresent() && e.isPresent()) {
            throw new InvalidConfigException(
                    "Both " + file.key() + " and " + env.key() + " are set; set only one.");
        }
        if (f.isPresent()) {
            return SecretRef.file(f.get());
        }
        if (e.isPresent()) {
            if (System.getenv(e.get()) == null) {
                throw new InvalidConfigException(
                        env.key()
                                + " names the environment variable '"
                                + e.get()
                                + "', which is not set in this process.");
            }
            return SecretRef.env(e.get());
        }
        return SecretRef.none();
    }

    private static int positiveInt(Configuration conf, ConfigOption<Integer> option) {
        int v = conf.get(option);
        if (v < 1) {
            throw invalid(option, v, "a number of at least 1");
        }
        return v;
    }

    private static Duration positive(Configuration conf, ConfigOption<Duration> option) {
        Duration v = conf.get(option);
        if (v.isNegative() || v.isZero()) {
            throw invalid(option, v, "a positive duration such as 5 s");
        }
        return v;
    }

    private static int bytes(
            Configuration conf, ConfigOption<org.apache.flink.configuration.MemorySize> option) {
        long v = conf.get(option).getBytes();
        if (v < 1024 || v > Integer.MAX_VALUE) {
            throw invalid(option, v + " bytes", "a size between 1 kb and 2 gb");
        }
        return (int) v;
    }

    private static InvalidConfigException invalid(
            ConfigOption<?> option, Object value, String allowed) {
        return new InvalidConfigException(
                option.key() + " is " + value + ", which is not allowed: use " + allowed + ".");
    }
}
