package io.dc2dc.sink.writer;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.sink.SinkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes changes to the destination cluster: buffers them per collection, coalesced per key ({@link
 * CollectionBuffer}), and sends them as bulk upserts ({@code isRestore=true&overwriteMode=replace},
 * which keeps the source's {@code _rev}) and bulk removals (a missing document counts as removed).
 *
 * <p>Up to {@code sink.max-in-flight} requests run at once on I/O threads; two requests in flight
 * never share a key, so a key is never reordered. A collection is sent when a batch is full or its
 * oldest change has waited {@code sink.linger}; when the buffer reaches its byte bound or all
 * request slots are busy, {@link #write} yields to the mailbox until requests complete, which is
 * the backpressure. {@link #flush} returns only when nothing is buffered or in flight, so nothing
 * crosses a checkpoint. Every write is idempotent, so a replay after a restore only repeats what
 * was already applied.
 *
 * <p>Metrics besides Flink's {@code numRecordsOut}/{@code numBytesOut}: {@code destinationRetries}
 * for the whole writer, and per source shard in the subgroups {@code
 * database.<db>.collection.<c>.shard.<s>}, registered with the shard's first retry: a retried
 * request counts once for every shard that had changes in it.
 *
 * <p>Buffers and counters are touched on the task thread only; I/O threads hand their results back
 * through the mailbox. Errors that retries cannot fix are rethrown on the task thread.
 */
public final class DestinationWriter implements SinkWriter<ChangeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationWriter.class);

    private final SinkConfig config;
    private final ArangoClient client;
    private final MailboxExecutor mailbox;
    private final ProcessingTimeService time;
    private final ExecutorService io;

    /** By database, then collection. */
    private final Map<String, Map<String, CollectionBuffer>> buffers = new LinkedHashMap<>();

    /** The buffer of the previous change: runs of changes mostly share their collection. */
    private CollectionBuffer lastBuffer;

    private final SinkWriterMetricGroup metrics;

    /** Retries per source shard, registered with a shard's first retry. */
    private final Map<String, Counter> shardRetries = new HashMap<>();

    private final Counter recordsOut;
    private final Counter bytesOut;
    private final Counter retries;
    private final Counter errors;
    private long bufferedBytes;
    private int inFlight;
    private RuntimeException failure;

    public DestinationWriter(
            SinkConfig config,
            ArangoClient client,
            SinkWriterMetricGroup metrics,
            MailboxExecutor mailbox,
            ProcessingTimeService time) {
        this.config = config;
        this.client = client;
        this.mailbox = mailbox;
        this.time = time;
        AtomicInteger n = new AtomicInteger();
        this.io =
                Executors.newFixedThreadPool(
                        config.maxInFlight(),
                        r -> {
                            Thread t = new Thread(r, "dc2dc-sink-io-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.metrics = metrics;
        this.recordsOut = metrics.getIOMetricGroup().getNumRecordsOutCounter();
        this.bytesOut = metrics.getIOMetricGroup().getNumBytesOutCounter();
        // Counted on the I/O threads as each retry happens, so a writer stuck retrying shows it.
        this.retries = metrics.counter("destinationRetries", new ThreadSafeSimpleCounter());
        this.errors = metrics.getNumRecordsOutErrorsCounter();
        scheduleLinger();
    }

    @Override
    public void write(ChangeEvent e, Context context) throws InterruptedException {
        rethrow();
        if (e.kind == ChangeEvent.Kind.SWEEP) {
            return;
        }
        CollectionBuffer buffer = bufferOf(e);
        bufferedBytes += buffer.add(e, time.getCurrentProcessingTime());
        if (buffer.size() - buffer.inFlightKeys() >= config.batchDocuments()
                || buffer.bytes() >= config.batchBytes()) {
            send(buffer, true);
        }
        while (bufferedBytes >= config.bufferBytes()) {
            if (!sendAny()) {
                mailbox.yield();
                rethrow();
            }
        }
    }

    private CollectionBuffer bufferOf(ChangeEvent e) {
        CollectionBuffer last = lastBuffer;
        if (last != null
                && last.collection.equals(e.collection)
                && last.database.equals(e.database)) {
            return last;
        }
        // Two-level lookup: no key string is built per document.
        Map<String, CollectionBuffer> byCollection = buffers.get(e.database);
        if (byCollection == null) {
            byCollection = new LinkedHashMap<>();
            buffers.put(e.database, byCollection);
        }
        CollectionBuffer buffer = byCollection.get(e.collection);
        if (buffer == null) {
            buffer = new CollectionBuffer(e.database, e.collection);
            byCollection.put(e.collection, buffer);
        }
        lastBuffer = buffer;
        return buffer;
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        while (true) {
            rethrow();
            boolean pending = false;
            for (CollectionBuffer buffer : allBuffers()) {
                if (buffer.size() > 0) {
                    pending = true;
                    send(buffer, true);
                }
            }
            if (!pending && inFlight == 0) {
                return;
            }
            if (inFlight > 0) {
                mailbox.yield();
            }
        }
    }

    private List<CollectionBuffer> allBuffers() {
        List<CollectionBuffer> all = new ArrayList<>();
        for (Map<String, CollectionBuffer> byCollection : buffers.values()) {
            all.addAll(byCollection.values());
        }
        return all;
    }

    /** Sends something from any buffer if a request slot is free; false if nothing was sent. */
    private boolean sendAny() throws InterruptedException {
        for (CollectionBuffer buffer : allBuffers()) {
            if (buffer.size() > buffer.inFlightKeys() && send(buffer, false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends one batch of the buffer; with {@code block}, waits for a free request slot first.
     * Returns whether a request was started.
     */
    private boolean send(CollectionBuffer buffer, boolean block) throws InterruptedException {
        while (inFlight >= config.maxInFlight()) {
            if (!block) {
                return false;
            }
            mailbox.yield();
            rethrow();
        }
        CollectionBuffer.Drained batch = buffer.drain(config.batchDocuments(), config.batchBytes());
        if (batch.isEmpty()) {
            return false;
        }
        bufferedBytes -= batch.bytes();
        inFlight++;
        io.execute(
                () -> {
                    RuntimeException error = null;
                    int attempts = 0;
                    try {
                        attempts = apply(buffer, batch);
                    } catch (RuntimeException e) {
                        error = e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        error = new IllegalStateException("destination write interrupted", e);
                    }
                    RuntimeException result = error;
                    int retried = attempts;
                    mailbox.execute(
                            () -> completed(buffer, batch, retried, result),
                            "dc2dc destination write completed");
                });
        return true;
    }

    private void completed(
            CollectionBuffer buffer,
            CollectionBuffer.Drained batch,
            int retried,
            RuntimeException error) {
        inFlight--;
        buffer.completed(batch);
        if (retried > 0) {
            for (String shard : batch.shards()) {
                shardRetries
                        .computeIfAbsent(
                                shard,
                                s ->
                                        metrics.addGroup("database", buffer.database)
                                                .addGroup("collection", buffer.collection)
                                                .addGroup("shard", s)
                                                .counter("destinationRetries"))
                        .inc(retried);
            }
        }
        if (error != null) {
            if (failure == null) {
                failure = error;
            }
            return;
        }
        recordsOut.inc(batch.size());
        bytesOut.inc(batch.bytes());
    }

    /** Runs on an I/O thread: removals, then upserts, each with retries. Returns the retries. */
    private int apply(CollectionBuffer buffer, CollectionBuffer.Drained batch)
            throws InterruptedException {
        int retried = 0;
        if (!batch.removals().isEmpty()) {
            retried +=
                    withRetries(
                            buffer,
                            "remove " + batch.removals().size() + " documents",
                            () ->
                                    client.removeKeys(
                                            buffer.database,
                                            buffer.collection,
                                            batch.removalKeys()));
        }
        if (!batch.upserts().isEmpty()) {
            List<byte[]> documents = new ArrayList<>(batch.upserts().size());
            for (ChangeEvent e : batch.upserts()) {
                documents.add(e.document);
            }
            retried +=
                    withRetries(
                            buffer,
                            "write " + documents.size() + " documents",
                            () ->
                                    client.insertRestore(
                                            buffer.database, buffer.collection, documents));
        }
        return retried;
    }

    private interface Call {
        BulkResult run();
    }

    private int withRetries(CollectionBuffer buffer, String what, Call call)
            throws InterruptedException {
        long backoff = config.retryInitialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            RuntimeException failed;
            try {
                BulkResult result = call.run();
                if (!result.hasErrors()) {
                    return attempt - 1;
                }
                failed = refused(buffer, result);
                if (!result.hasOnlyTransientErrors() || attempt >= config.retryAttempts()) {
                    throw failed;
                }
            } catch (ArangoException e) {
                // A refused credential (401) is retried too: while a password or secret is being
                // rotated, the server and the secret file (re-read at every attempt) disagree for
                // a moment. Wrong credentials still fail: at start by the preflight check, later
                // once the retries are used up.
                boolean retryable = e.isTransient() || e.httpStatus() == 401;
                if (!retryable || attempt >= config.retryAttempts()) {
                    throw e;
                }
                failed = e;
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
                    failed.getMessage());
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

    /** Sends collections whose oldest change waited longer than the linger time. */
    private void scheduleLinger() {
        long linger = config.linger().toMillis();
        time.registerTimer(
                time.getCurrentProcessingTime() + linger,
                now -> {
                    for (CollectionBuffer buffer : allBuffers()) {
                        if (buffer.size() > buffer.inFlightKeys()
                                && now - buffer.oldestAt() >= linger) {
                            if (!send(buffer, false)) {
                                break;
                            }
                        }
                    }
                    scheduleLinger();
                });
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
        client.close();
    }
}
