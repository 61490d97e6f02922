package io.dc2dc.emulator.storage;

import io.dc2dc.emulator.model.Shard;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The copy of one shard held by one DB-server (a "local collection" named like the shard):
 * documents by key as multi-version chains, plus a live-document count.
 *
 * <p>Changes happen only inside {@link DbServer}'s commit critical section; reads (document
 * lookups, dumps, counts) run concurrently without locks and see either the old or the new version
 * of a document.
 */
public final class ShardReplica {
    private final Shard shard;
    private final DbServer server;
    private final long localId;
    private final ConcurrentHashMap<String, DocVersion> docs = new ConcurrentHashMap<>();
    private volatile long liveCount;
    private volatile long lastRevision;
    private volatile boolean dropped;

    ShardReplica(Shard shard, DbServer server, long localId) {
        this.shard = shard;
        this.server = server;
        this.localId = localId;
    }

    public Shard shard() {
        return shard;
    }

    public DbServer server() {
        return server;
    }

    /** The id of this shard's local collection on its DB-server. */
    public long localId() {
        return localId;
    }

    public boolean dropped() {
        return dropped;
    }

    void markDropped() {
        dropped = true;
    }

    /** The newest live version of {@code key}, or null. */
    public DocVersion get(String key) {
        DocVersion v = docs.get(key);
        return v == null || v.json == null ? null : v;
    }

    public long count() {
        return liveCount;
    }

    public long lastRevision() {
        return lastRevision;
    }

    /** Head versions (live or tombstones) for snapshot iteration; weakly consistent. */
    public Iterator<DocVersion> heads() {
        return docs.values().iterator();
    }

    /**
     * Installs a new version. Keeps older versions only as far as a batch snapshot with a tick at
     * or above {@code minSnapshotTick} may still need them. Caller holds the server's commit lock.
     */
    void install(String key, long rev, byte[] json, long tick, long minSnapshotTick) {
        DocVersion old = docs.get(key);
        boolean wasLive = old != null && old.json != null;
        DocVersion prev = null;
        if (old != null && minSnapshotTick != Long.MAX_VALUE) {
            prev = old;
            // keep versions newer than the oldest snapshot, plus the one that snapshot sees
            for (DocVersion v = old; v != null; v = v.prev) {
                if (v.tick <= minSnapshotTick) {
                    v.prev = null;
                    break;
                }
            }
        }
        if (json == null && prev == null) {
            docs.remove(key);
        } else {
            docs.put(key, new DocVersion(key, rev, json, tick, prev));
        }
        long delta = (json != null ? 1 : 0) - (wasLive ? 1 : 0);
        if (delta != 0) {
            liveCount += delta;
        }
        if (rev > lastRevision) {
            lastRevision = rev;
        }
    }

    /** Removes everything (truncate/drop); tombstones only where snapshots still look. */
    void clear(long tick, long minSnapshotTick) {
        if (minSnapshotTick == Long.MAX_VALUE) {
            docs.clear();
        } else {
            for (DocVersion v : docs.values()) {
                if (v.json != null) {
                    install(v.key, v.rev, null, tick, minSnapshotTick);
                }
            }
        }
        liveCount = 0;
    }
}
