package io.dc2dc.source;

import io.dc2dc.arango.http.ClusterSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated settings of the source: which cluster, how often to discover and to poll, how big
 * the chunks are, and how the ordering stage downstream is partitioned (the source addresses sweep
 * fences to each of its subtasks).
 *
 * @param syncerId the id under which the source DB-servers keep the WAL we still need; stable
 *     across restarts of the same replication
 * @param filter which databases and collections are replicated
 */
public record SourceConfig(
        ClusterSpec cluster,
        Duration discoveryInterval,
        Duration pollInterval,
        int dumpChunkBytes,
        int tailChunkBytes,
        int snapshotConcurrency,
        Duration batchTtl,
        long syncerId,
        int orderingParallelism,
        int orderingMaxParallelism,
        int handoverCapacity,
        CollectionFilter filter)
        implements Serializable {

    public SourceConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(filter, "filter");
        if (snapshotConcurrency < 1 || orderingParallelism < 1 || handoverCapacity < 1) {
            throw new IllegalArgumentException("concurrency and parallelism must be positive");
        }
        if (orderingMaxParallelism < orderingParallelism) {
            throw new IllegalArgumentException(
                    "the ordering stage's max parallelism must be at least its parallelism");
        }
    }
}
