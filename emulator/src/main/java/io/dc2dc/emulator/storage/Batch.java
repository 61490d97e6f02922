package io.dc2dc.emulator.storage;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A replication batch (arangod's "replication context") on one DB-server: a consistent snapshot of
 * every shard on that server at {@link #snapshotTick()}, plus one dump cursor per shard so
 * consecutive dump calls continue where the previous one stopped.
 *
 * <p>Writes after the snapshot stay invisible because {@link ShardReplica} keeps the versions the
 * oldest live batch still sees.
 */
public final class Batch {
    private final String id;
    private final DbServer server;
    private final long snapshotTick;
    private volatile long expiresMillis;
    private final ConcurrentHashMap<String, DumpCursor> cursors = new ConcurrentHashMap<>();

    Batch(String id, DbServer server, long snapshotTick, long expiresMillis) {
        this.id = id;
        this.server = server;
        this.snapshotTick = snapshotTick;
        this.expiresMillis = expiresMillis;
    }

    public String id() {
        return id;
    }

    public DbServer server() {
        return server;
    }

    public long snapshotTick() {
        return snapshotTick;
    }

    public long expiresMillis() {
        return expiresMillis;
    }

    void extendTo(long millis) {
        expiresMillis = millis;
    }

    /** The dump cursor of one shard replica, created on first use. */
    public DumpCursor cursor(ShardReplica replica) {
        return cursors.computeIfAbsent(
                replica.shard().name(), n -> new DumpCursor(replica, snapshotTick));
    }

    /** The live documents of {@code replica} as of this batch's snapshot. */
    public Iterator<DocVersion> snapshot(ShardReplica replica) {
        return new SnapshotIterator(replica.heads(), snapshotTick);
    }

    /** Iterates head versions and yields the version visible at the snapshot tick. */
    static final class SnapshotIterator implements Iterator<DocVersion> {
        private final Iterator<DocVersion> heads;
        private final long tick;
        private DocVersion next;

        SnapshotIterator(Iterator<DocVersion> heads, long tick) {
            this.heads = heads;
            this.tick = tick;
            advance();
        }

        private void advance() {
            next = null;
            while (heads.hasNext()) {
                DocVersion v = heads.next().visibleAt(tick);
                if (v != null) {
                    next = v;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public DocVersion next() {
            DocVersion v = next;
            if (v == null) {
                throw new java.util.NoSuchElementException();
            }
            advance();
            return v;
        }
    }
}
