package io.dc2dc.source.reader;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.TailRequest;
import io.dc2dc.arango.http.TailResult;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.model.DocumentAddress;
import io.dc2dc.arango.wire.MarkerTypes;
import io.dc2dc.arango.wire.WalMarker;
import io.dc2dc.source.SourceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one source DB-server's write-ahead log on its own thread with one global tail stream and
 * demultiplexes it to the shards registered with it (the shards of this reader that the server
 * leads). Each shard has its own position: markers at or below it are skipped, so a shard that
 * joins with an older position rewinds the stream without replaying anything to the others.
 *
 * <p>Registration calls come from the task thread; the tail loop runs on the tailer's thread.
 */
final class ServerTailer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTailer.class);

    /** A shard followed by this tailer, from {@code from} (exclusive), for {@code epoch}. */
    record Registration(DocumentAddress shard, String guid, long epoch, long from) {}

    private final ArangoClient client;
    private final SourceConfig config;
    private final Handover handover;
    private final String server;
    private final Map<String, Registration> byGuid = new HashMap<>();
    private final Object lock = new Object();
    private volatile boolean closed;
    private long lastScanned;
    private long lastFrom = -1;

    ServerTailer(ArangoClient client, SourceConfig config, Handover handover, String server) {
        this.client = client;
        this.config = config;
        this.handover = handover;
        this.server = server;
    }

    void register(Registration r) {
        synchronized (lock) {
            byGuid.values().removeIf(x -> x.shard().shard().equals(r.shard().shard()));
            byGuid.put(r.guid(), r);
            lock.notifyAll();
        }
    }

    void unregister(String shard) {
        synchronized (lock) {
            byGuid.values().removeIf(x -> x.shard().shard().equals(shard));
        }
    }

    boolean isIdle() {
        synchronized (lock) {
            return byGuid.isEmpty();
        }
    }

    void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(100, 5_000);
        while (!closed) {
            try {
                Map<String, Registration> regs = awaitRegistrations();
                if (regs == null) {
                    return;
                }
                boolean caughtUp = pollOnce(regs);
                backoff.reset();
                if (caughtUp) {
                    waitQuietly(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                if (ReaderErrors.isFatal(e)) {
                    putQuietly(new Fetched.Fatal(e));
                    return;
                }
                long delay = backoff.next();
                putQuietly(new Fetched.TailFailed(server));
                LOG.warn(
                        "Tailing the WAL of {} failed; retrying in {} ms: {}",
                        server,
                        delay,
                        e.getMessage());
                waitQuietly(delay);
            }
        }
    }

    private Map<String, Registration> awaitRegistrations() throws InterruptedException {
        synchronized (lock) {
            while (byGuid.isEmpty() && !closed) {
                lock.wait(1_000);
            }
            return closed ? null : new HashMap<>(byGuid);
        }
    }

    /** One tail request; returns whether the server had nothing more for us. */
    private boolean pollOnce(Map<String, Registration> regs) throws InterruptedException {
        long from = Long.MAX_VALUE;
        for (Registration r : regs.values()) {
            from = Math.min(from, r.from());
        }
        if (from != lastFrom) {
            lastScanned = 0; // lastScanned belongs to the previous position only
        }
        List<ChangeEvent> events = new ArrayList<>();
        Map<String, Registration> resync = new HashMap<>();
        Map<String, Registration> dropped = new HashMap<>();
        TailRequest request =
                TailRequest.global(from, lastScanned, config.tailChunkBytes(), config.syncerId());
        TailResult result =
                client.tail(
                        server,
                        request,
                        marker -> demultiplex(marker, regs, events, resync, dropped));
        if (!result.fromPresent()) {
            LOG.warn(
                    "The WAL of {} no longer holds tick {} (purged); resyncing {} shards",
                    server,
                    from,
                    regs.size());
            for (Registration r : regs.values()) {
                unregisterIfSame(r);
                handover.put(
                        new Fetched.Resync(
                                r.shard().shard(), r.epoch(), "WAL of " + server + " purged"));
            }
            lastFrom = -1;
            return false;
        }
        long reached = result.lastIncluded() > 0 ? result.lastIncluded() : from;
        Map<String, Long> positions = new HashMap<>();
        Map<String, Long> epochs = new HashMap<>();
        synchronized (lock) {
            for (Registration r : regs.values()) {
                if (resync.containsKey(r.guid()) || dropped.containsKey(r.guid())) {
                    continue;
                }
                long pos = Math.max(r.from(), reached);
                positions.put(r.shard().shard(), pos);
                epochs.put(r.shard().shard(), r.epoch());
                Registration current = byGuid.get(r.guid());
                if (current != null && current.epoch() == r.epoch() && current.from() < pos) {
                    byGuid.put(r.guid(), new Registration(r.shard(), r.guid(), r.epoch(), pos));
                }
            }
        }
        boolean caughtUp = !result.checkMore();
        handover.put(
                new Fetched.TailBatch(
                        server, events, positions, epochs, result.lastTick(), caughtUp));
        for (Registration r : resync.values()) {
            unregisterIfSame(r);
            handover.put(new Fetched.Resync(r.shard().shard(), r.epoch(), "truncated at source"));
        }
        for (Registration r : dropped.values()) {
            unregisterIfSame(r);
            handover.put(new Fetched.Dropped(r.shard().shard(), r.epoch()));
        }
        lastFrom = reached;
        lastScanned = result.lastScanned();
        return caughtUp;
    }

    private void demultiplex(
            WalMarker m,
            Map<String, Registration> regs,
            List<ChangeEvent> events,
            Map<String, Registration> resync,
            Map<String, Registration> dropped) {
        if (m.type() == MarkerTypes.DROP_DATABASE) {
            for (Registration r : regs.values()) {
                if (r.shard().database().equals(m.db()) && m.tick() > r.from()) {
                    dropped.put(r.guid(), r);
                }
            }
            return;
        }
        Registration r = m.cuid() == null ? null : regs.get(m.cuid());
        if (r == null || m.tick() <= r.from() || dropped.containsKey(r.guid())) {
            return;
        }
        switch (m.type()) {
            case MarkerTypes.DOCUMENT, MarkerTypes.EDGE ->
                    events.add(
                            ChangeEvent.upsert(
                                    withKey(r.shard(), m.key()),
                                    m.rev(),
                                    m.data(),
                                    m.tick(),
                                    r.epoch()));
            case MarkerTypes.REMOVE ->
                    events.add(
                            ChangeEvent.remove(
                                    withKey(r.shard(), m.key()), m.rev(), m.tick(), r.epoch()));
            case MarkerTypes.TRUNCATE_COLLECTION -> resync.put(r.guid(), r);
            case MarkerTypes.DROP_COLLECTION -> dropped.put(r.guid(), r);
            default -> {
                // Transaction frames and other DDL do not change documents of the shard.
            }
        }
    }

    private static DocumentAddress withKey(DocumentAddress shard, String key) {
        return new DocumentAddress(
                shard.database(), shard.collection(), shard.collectionId(), shard.shard(), key);
    }

    private void unregisterIfSame(Registration r) {
        synchronized (lock) {
            Registration current = byGuid.get(r.guid());
            if (current != null && current.epoch() == r.epoch()) {
                byGuid.remove(r.guid());
            }
        }
    }

    private void waitQuietly(long millis) {
        synchronized (lock) {
            try {
                lock.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    private void putQuietly(Fetched item) {
        try {
            handover.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
