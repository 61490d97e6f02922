package io.dc2dc.emulator.storage;

/**
 * One version of one document in one shard replica, chained to the version it replaced so that
 * batch snapshots can still read it. A version whose {@code json} is null is a tombstone.
 *
 * <pre>{"_key":"k1","_id":"coll/k1","_rev":"_l6zhVTu---","a":1}  written at server tick 7312230
 * </pre>
 *
 * <p>{@code json} is the complete document as arangod prints it (system attributes first), so
 * reads, dumps and WAL markers copy it without re-encoding. The collection name in {@code _id}
 * never changes because collections cannot be renamed in a cluster.
 */
public final class DocVersion {
    final String key;
    final long rev;
    final byte[] json;
    final long tick;
    volatile DocVersion prev;

    DocVersion(String key, long rev, byte[] json, long tick, DocVersion prev) {
        this.key = key;
        this.rev = rev;
        this.json = json;
        this.tick = tick;
        this.prev = prev;
    }

    public String key() {
        return key;
    }

    public long rev() {
        return rev;
    }

    public byte[] json() {
        return json;
    }

    public long tick() {
        return tick;
    }

    public boolean tombstone() {
        return json == null;
    }

    /** The version a snapshot taken at {@code snapshotTick} sees, or null (absent/removed). */
    public DocVersion visibleAt(long snapshotTick) {
        for (DocVersion v = this; v != null; v = v.prev) {
            if (v.tick <= snapshotTick) {
                return v.json == null ? null : v;
            }
        }
        return null;
    }
}
