package io.dc2dc.emulator.storage;

import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Ids;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.wal.Markers;
import io.dc2dc.emulator.wal.ReplicationClients;
import io.dc2dc.emulator.wal.WalEntry;
import io.dc2dc.emulator.wal.WalLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One emulated DB-server: the shard replicas it holds, its own write-ahead log with its own ticks,
 * its replication batches and registered replication clients.
 *
 * <p>Every change of its data goes through one short critical section ({@link #commit} and the DDL
 * methods) that assigns consecutive ticks, installs document versions and appends the markers, so a
 * multi-document write appears in the WAL as one contiguous 2200…2201 group and a batch snapshot
 * never sees half of a write. JSON encoding and request parsing happen outside this lock.
 */
public final class DbServer {
    /** One document change to apply to one replica; {@code json == null} means remove. */
    public record Write(ShardReplica replica, String key, long rev, byte[] json) {}

    private final String id;
    private final String shortName;
    private final Ids ids;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final WalLog wal = new WalLog();
    private final ConcurrentHashMap<Long, ShardReplica> replicas = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Batch> batches = new ConcurrentHashMap<>();
    private final ReplicationClients clients = new ReplicationClients();
    private long nextTick;
    private volatile long lastTick;
    private volatile long minSnapshotTick = Long.MAX_VALUE;
    private volatile boolean running = true;
    private volatile String endpoint = "";

    public DbServer(String id, String shortName, long firstTick, Ids ids) {
        this.id = id;
        this.shortName = shortName;
        this.ids = ids;
        this.nextTick = firstTick;
        this.lastTick = firstTick - 1;
    }

    public String id() {
        return id;
    }

    public String shortName() {
        return shortName;
    }

    public boolean running() {
        return running;
    }

    public void running(boolean r) {
        running = r;
    }

    /** {@code tcp://host:port} (or {@code ssl://}), set once the port is bound. */
    public String endpoint() {
        return endpoint;
    }

    public void endpoint(String e) {
        endpoint = e;
    }

    public long lastTick() {
        return lastTick;
    }

    public WalLog wal() {
        return wal;
    }

    public ReplicationClients clients() {
        return clients;
    }

    public ShardReplica replica(Shard shard) {
        return replicas.get(shard.id());
    }

    /** Looks a replica up by shard name ({@code s123}). */
    public ShardReplica replica(String shardName) {
        if (shardName == null || shardName.length() < 2 || shardName.charAt(0) != 's') {
            return null;
        }
        try {
            return replicas.get(Long.parseLong(shardName.substring(1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Collection<ShardReplica> replicas() {
        return replicas.values();
    }

    // ---------------------------------------------------------------- writes

    /**
     * Applies document writes atomically and logs them: as one transaction (2200, markers, 2201
     * with a fresh tid) when {@code grouped}, else each as a standalone marker (tid 0).
     */
    public void commit(Database db, List<Write> writes, boolean grouped) {
        if (writes.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<byte[]> removeData = new ArrayList<>();
        for (Write w : writes) {
            removeData.add(w.json() == null ? removeMarkerData(w.key(), w.rev()) : null);
        }
        long tid = grouped ? ids.next() : 0;
        Set<ShardReplica> touched = null;
        if (grouped) {
            touched = new LinkedHashSet<>();
            for (Write w : writes) {
                touched.add(w.replica());
            }
            touched = Set.copyOf(touched);
        }
        commitLock.lock();
        try {
            long minSnap = minSnapshotTick;
            if (grouped) {
                append(Markers.BEGIN_TRANSACTION, db, null, tid, null, now, touched);
            }
            for (int i = 0; i < writes.size(); i++) {
                Write w = writes.get(i);
                long tick = nextTick;
                w.replica().install(w.key(), w.rev(), w.json(), tick, minSnap);
                if (w.json() != null) {
                    append(Markers.DOCUMENT, db, w.replica(), tid, w.json(), now, null);
                } else {
                    append(Markers.REMOVE, db, w.replica(), tid, removeData.get(i), now, null);
                }
            }
            if (grouped) {
                append(Markers.COMMIT_TRANSACTION, db, null, tid, null, now, touched);
            }
        } finally {
            commitLock.unlock();
        }
    }

    private static byte[] removeMarkerData(String key, long rev) {
        return ("{\"_key\":\""
                        + key
                        + "\",\"_rev\":\""
                        + io.dc2dc.emulator.model.Revisions.encode(rev)
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void append(
            int type,
            Database db,
            ShardReplica r,
            long tid,
            byte[] data,
            long now,
            Set<ShardReplica> touched) {
        long tick = nextTick++;
        wal.append(new WalEntry(tick, type, db, r, tid, data, now, touched));
        lastTick = tick;
    }

    // ---------------------------------------------------------------- DDL

    /** Creates the local collection of a shard and logs 2000 with its definition. */
    public ShardReplica createReplica(
            Database db, Shard shard, Function<ShardReplica, byte[]> definition) {
        commitLock.lock();
        try {
            ShardReplica r = new ShardReplica(shard, this, ids.next());
            replicas.put(shard.id(), r);
            append(Markers.CREATE_COLLECTION, db, r, 0, definition.apply(r), now(), null);
            return r;
        } finally {
            commitLock.unlock();
        }
    }

    /** Drops a shard's local collection and logs 2001. */
    public void dropReplica(Database db, ShardReplica r) {
        commitLock.lock();
        try {
            r.clear(nextTick, minSnapshotTick);
            r.markDropped();
            replicas.remove(r.shard().id(), r);
            append(Markers.DROP_COLLECTION, db, r, 0, null, now(), null);
        } finally {
            commitLock.unlock();
        }
    }

    /** Drops a replica silently, as part of a database drop (which logs only 1101). */
    public void forgetReplica(ShardReplica r) {
        commitLock.lock();
        try {
            r.clear(nextTick, minSnapshotTick);
            r.markDropped();
            replicas.remove(r.shard().id(), r);
        } finally {
            commitLock.unlock();
        }
    }

    /** Removes all documents of a replica and logs 2004. */
    public void truncate(Database db, ShardReplica r) {
        commitLock.lock();
        try {
            r.clear(nextTick, minSnapshotTick);
            append(Markers.TRUNCATE_COLLECTION, db, r, 0, null, now(), null);
        } finally {
            commitLock.unlock();
        }
    }

    /** Logs a property change (2003) of a shard with its full new definition. */
    public void changeReplica(Database db, ShardReplica r, byte[] definition) {
        commitLock.lock();
        try {
            append(Markers.CHANGE_COLLECTION, db, r, 0, definition, now(), null);
        } finally {
            commitLock.unlock();
        }
    }

    /** Logs an index creation (2100, with its definition) or drop (2101) on a replica. */
    public void logIndex(int type, Database db, ShardReplica r, byte[] data) {
        commitLock.lock();
        try {
            append(type, db, r, 0, data, now(), null);
        } finally {
            commitLock.unlock();
        }
    }

    /** Logs database creation (1100, with data) or drop (1101). */
    public void logDatabase(int type, Database db, byte[] data) {
        commitLock.lock();
        try {
            append(type, db, null, 0, data, now(), null);
        } finally {
            commitLock.unlock();
        }
    }

    // ---------------------------------------------------------------- batches

    /** Creates a batch whose snapshot is the server's state right now. */
    public Batch createBatch(long ttlSeconds) {
        commitLock.lock();
        try {
            Batch b =
                    new Batch(Long.toString(ids.next()), this, lastTick, now() + ttlSeconds * 1000);
            batches.put(b.id(), b);
            minSnapshotTick = Math.min(minSnapshotTick, b.snapshotTick());
            return b;
        } finally {
            commitLock.unlock();
        }
    }

    /** The unexpired batch with this id, or null. */
    public Batch batch(String batchId) {
        Batch b = batchId == null ? null : batches.get(batchId);
        if (b != null && b.expiresMillis() <= now()) {
            deleteBatch(batchId);
            return null;
        }
        return b;
    }

    public boolean extendBatch(String batchId, long ttlSeconds) {
        Batch b = batch(batchId);
        if (b == null) {
            return false;
        }
        b.extendTo(now() + ttlSeconds * 1000);
        return true;
    }

    public boolean deleteBatch(String batchId) {
        commitLock.lock();
        try {
            Batch b = batches.remove(batchId);
            recomputeMinSnapshot();
            return b != null;
        } finally {
            commitLock.unlock();
        }
    }

    private void recomputeMinSnapshot() {
        long min = Long.MAX_VALUE;
        for (Batch b : batches.values()) {
            min = Math.min(min, b.snapshotTick());
        }
        minSnapshotTick = min;
    }

    // ---------------------------------------------------------------- housekeeping

    /**
     * Expires batches and clients, then purges WAL entries older than {@code retentionMillis} that
     * no unexpired client still needs. Returns the number of purged entries.
     */
    public long housekeeping(long retentionMillis) {
        long now = now();
        for (Batch b : batches.values()) {
            if (b.expiresMillis() <= now) {
                deleteBatch(b.id());
            }
        }
        clients.expire(now);
        long keepAfter = clients.minServedTick(now);
        commitLock.lock();
        try {
            return wal.purge(keepAfter, now - retentionMillis);
        } finally {
            commitLock.unlock();
        }
    }

    /** Drops every WAL entry up to the current tick, ignoring registered clients. */
    public long purgeAll() {
        commitLock.lock();
        try {
            return wal.purge(Long.MAX_VALUE, Long.MAX_VALUE);
        } finally {
            commitLock.unlock();
        }
    }

    /** Forgets batches and clients (the server restarted). */
    public void forgetSessions() {
        commitLock.lock();
        try {
            batches.clear();
            recomputeMinSnapshot();
            clients.clear();
        } finally {
            commitLock.unlock();
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
