package io.dc2dc.sink;

import io.dc2dc.arango.http.ClusterSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated settings of the sink: the destination cluster, how big a bulk request gets, how
 * much may be buffered before the writer blocks (backpressure), and how transient failures are
 * retried.
 */
public record SinkConfig(
        ClusterSpec cluster,
        int batchDocuments,
        long batchBytes,
        long bufferBytes,
        int maxInFlight,
        Duration linger,
        int retryAttempts,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff)
        implements Serializable {

    public SinkConfig {
        Objects.requireNonNull(cluster, "cluster");
        if (batchDocuments < 1 || batchBytes < 1 || bufferBytes < batchBytes) {
            throw new IllegalArgumentException(
                    "batch sizes must be positive and the buffer at least one batch");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight");
        }
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1");
        }
    }
}
