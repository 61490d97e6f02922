package io.dc2dc.sink.writer;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.sink.SinkConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes changes to the destination cluster: buffers them per collection, coalesced per key, and
 * sends them as bulk upserts ({@code isRestore=true&overwriteMode=replace}, which keeps the
 * source's {@code _rev}) and bulk removals (a missing document counts as removed). A collection is
 * sent when its batch is full; when the buffer reaches its byte bound, everything is sent before
 * {@link #write} returns, which is the backpressure. {@link #flush} sends everything, so nothing is
 * buffered across a checkpoint. Every write is idempotent, so a replay after a restore only repeats
 * what was already applied.
 *
 * <p>Runs on the task thread.
 */
public final class DestinationWriter implements SinkWriter<ChangeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationWriter.class);

    private final SinkConfig config;
    private final ArangoClient client;
    private final Map<String, CollectionBuffer> buffers = new LinkedHashMap<>();
    private final Counter recordsOut;
    private final Counter bytesOut;
    private final Counter retries;
    private final Counter errors;
    private long bufferedBytes;

    public DestinationWriter(
            SinkConfig config, ArangoClient client, SinkWriterMetricGroup metrics) {
        this.config = config;
        this.client = client;
        this.recordsOut = metrics.getIOMetricGroup().getNumRecordsOutCounter();
        this.bytesOut = metrics.getIOMetricGroup().getNumBytesOutCounter();
        this.retries = metrics.counter("destinationRetries");
        this.errors = metrics.getNumRecordsOutErrorsCounter();
    }

    @Override
    public void write(ChangeEvent e, Context context) throws IOException, InterruptedException {
        if (e.kind == ChangeEvent.Kind.SWEEP) {
            return;
        }
        CollectionBuffer buffer =
                buffers.computeIfAbsent(
                        e.database + "/" + e.collection,
                        k -> new CollectionBuffer(e.database, e.collection));
        bufferedBytes += buffer.add(e);
        if (buffer.size() >= config.batchDocuments() || buffer.bytes() >= config.batchBytes()) {
            send(buffer);
        }
        if (bufferedBytes >= config.bufferBytes()) {
            flush(false);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        for (CollectionBuffer buffer : buffers.values()) {
            if (buffer.size() > 0) {
                send(buffer);
            }
        }
    }

    private void send(CollectionBuffer buffer) throws InterruptedException {
        bufferedBytes -= buffer.bytes();
        CollectionBuffer.Drained drained = buffer.drain();
        for (List<String> chunk : chunks(drained.removals(), config.batchDocuments())) {
            withRetries(
                    buffer,
                    "remove " + chunk.size() + " documents",
                    () -> client.removeKeys(buffer.database, buffer.collection, chunk));
            recordsOut.inc(chunk.size());
        }
        for (List<ChangeEvent> chunk : chunks(drained.upserts(), config.batchDocuments())) {
            List<byte[]> documents = new ArrayList<>(chunk.size());
            long bytes = 0;
            for (ChangeEvent e : chunk) {
                documents.add(e.document);
                bytes += e.documentBytes();
            }
            withRetries(
                    buffer,
                    "write " + chunk.size() + " documents",
                    () -> client.insertRestore(buffer.database, buffer.collection, documents));
            recordsOut.inc(chunk.size());
            bytesOut.inc(bytes);
        }
    }

    private interface Call {
        BulkResult run();
    }

    private void withRetries(CollectionBuffer buffer, String what, Call call)
            throws InterruptedException {
        long backoff = config.retryInitialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                BulkResult result = call.run();
                if (!result.hasErrors()) {
                    return;
                }
                errors.inc(result.errors().size());
                failure = refused(buffer, result);
                if (!result.hasOnlyTransientErrors() || attempt >= config.retryAttempts()) {
                    throw failure;
                }
            } catch (ArangoException e) {
                if (!e.isTransient() || attempt >= config.retryAttempts()) {
                    throw e;
                }
                failure = e;
            }
            retries.inc();
            long delay = Math.min(config.retryMaxBackoff().toMillis(), backoff);
            delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
            LOG.warn(
                    "Destination {}/{}: {} failed (attempt {} of {}), retrying in {} ms: {}",
                    buffer.database,
                    buffer.collection,
                    what,
                    attempt,
                    config.retryAttempts(),
                    delay,
                    failure.getMessage());
            Thread.sleep(delay);
            backoff = Math.min(config.retryMaxBackoff().toMillis(), backoff * 2);
        }
    }

    private static IllegalStateException refused(CollectionBuffer buffer, BulkResult result) {
        BulkResult.ItemError first = result.errors().get(0);
        return new IllegalStateException(
                "The destination refused "
                        + result.errors().size()
                        + " of the documents sent to "
                        + buffer.database
                        + "/"
                        + buffer.collection
                        + "; the first, key '"
                        + first.key()
                        + "', with error "
                        + first.errorNum()
                        + ": "
                        + first.message()
                        + ". Check that the destination collection has the same properties"
                        + " (schema, unique indexes, key options) as the source.");
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
