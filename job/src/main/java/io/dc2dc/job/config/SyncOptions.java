package io.dc2dc.job.config;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Options of the replication itself ({@code sync.}) and of the writer ({@code sink.}). */
public final class SyncOptions {

    private SyncOptions() {}

    public static final ConfigOption<Duration> DISCOVERY_INTERVAL =
            ConfigOptions.key("sync.discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How often the source's databases, collections, shards and leaders"
                                    + " are discovered.");

    public static final ConfigOption<Duration> POLL_INTERVAL =
            ConfigOptions.key("sync.poll-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription(
                            "Pause between WAL polls of a DB-server once everything was read.");

    public static final ConfigOption<Long> SYNCER_ID =
            ConfigOptions.key("sync.syncer-id")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "Id under which the source DB-servers keep the WAL this replication"
                                    + " still needs. Default: derived from the destination's"
                                    + " endpoints, stable across restarts.");

    public static final ConfigOption<Duration> TOMBSTONE_TTL =
            ConfigOptions.key("sync.tombstone-ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long the ordering stage remembers removed documents; must be"
                                    + " longer than any snapshot takes.");

    public static final ConfigOption<Integer> SNAPSHOT_CONCURRENCY =
            ConfigOptions.key("sync.snapshot-concurrency")
                    .intType()
                    .defaultValue(4)
                    .withDescription("Shards one reader snapshots at the same time.");

    public static final ConfigOption<MemorySize> DUMP_CHUNK_SIZE =
            ConfigOptions.key("sync.dump-chunk-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("4mb"))
                    .withDescription("Approximate size of one dump response.");

    public static final ConfigOption<MemorySize> TAIL_CHUNK_SIZE =
            ConfigOptions.key("sync.tail-chunk-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("4mb"))
                    .withDescription("Approximate size of one WAL tail response.");

    public static final ConfigOption<Duration> BATCH_TTL =
            ConfigOptions.key("sync.batch-ttl")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Lifetime of a snapshot batch on a source DB-server; extended while"
                                    + " the dump runs.");

    public static final ConfigOption<Integer> MAX_PARALLELISM =
            ConfigOptions.key("sync.max-parallelism")
                    .intType()
                    .defaultValue(128)
                    .withDescription(
                            "Max parallelism of the ordering stage: the upper bound for"
                                    + " rescaling. Never change it for an existing savepoint.");

    public static final ConfigOption<Integer> GENERATION =
            ConfigOptions.key("sync.generation")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Counts the switchovers of a replication (dc2dc switchover writes the"
                                    + " next one into the reverse configuration). It names the"
                                    + " source's state, so that the reverse job keeps the"
                                    + " ordering state of the old direction but not the old"
                                    + " source's positions. Keep it unchanged across resumes.");

    public static final ConfigOption<Integer> SINK_BATCH_DOCUMENTS =
            ConfigOptions.key("sink.batch-documents")
                    .intType()
                    .defaultValue(1000)
                    .withDescription("Documents in one bulk request to the destination.");

    public static final ConfigOption<MemorySize> SINK_BATCH_SIZE =
            ConfigOptions.key("sink.batch-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("8mb"))
                    .withDescription("Bytes in one bulk request to the destination.");

    public static final ConfigOption<MemorySize> SINK_BUFFER_SIZE =
            ConfigOptions.key("sink.buffer-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("32mb"))
                    .withDescription(
                            "Bytes the writer buffers before it blocks until they are written.");

    public static final ConfigOption<Integer> SINK_MAX_IN_FLIGHT =
            ConfigOptions.key("sink.max-in-flight")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Bulk requests one writer runs at the same time (never two for the"
                                    + " same document).");

    public static final ConfigOption<Duration> SINK_LINGER =
            ConfigOptions.key("sink.linger")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withDescription(
                            "How long a change may wait in the writer for its batch to fill"
                                    + " before it is sent anyway.");

    public static final ConfigOption<Integer> SINK_RETRY_ATTEMPTS =
            ConfigOptions.key("sink.retry.max-attempts")
                    .intType()
                    .defaultValue(40)
                    .withDescription(
                            "Attempts of a destination request on transient errors before the"
                                    + " job fails (and restarts from its last checkpoint).");

    public static final ConfigOption<Duration> SINK_RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("sink.retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withDescription("First pause before retrying a destination request.");

    public static final ConfigOption<Duration> SINK_RETRY_MAX_BACKOFF =
            ConfigOptions.key("sink.retry.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Longest pause between retries of a destination request.");
}
