package io.dc2dc.job.ordering;

/**
 * What the ordering stage remembers of one document: the newest revision applied to the
 * destination, whether that was a removal (a tombstone), which source shard and collection
 * incarnation it came from, and the newest snapshot epoch that saw it.
 *
 * <pre>{"revision": 1819361843593166848, "removed": false, "shard": "s2010062",
 *  "collectionId": "2010061", "epoch": 3, "expiresAt": 0}</pre>
 *
 * <p>{@code expiresAt} is the processing time at which a tombstone may be forgotten (0 for a live
 * document). Stored with {@link DocStateSerializer}; it stays a Flink POJO (public fields, a
 * no-argument constructor) because ordering state written by earlier versions was serialized as one
 * and is migrated from that format on restore.
 */
public final class DocState {
    public long revision;
    public boolean removed;
    public String shard;
    public String collectionId;
    public long epoch;
    public long expiresAt;

    /**
     * The {@code sync.generation} of the job that wrote this state: a reverse job after a
     * switchover (a higher generation) may adopt it once, see {@link OrderingRules}. State written
     * before this field existed reads as 0, the first generation.
     */
    public int generation;

    public DocState() {}

    static DocState live(long revision, String shard, String collectionId, long epoch) {
        DocState s = new DocState();
        s.revision = revision;
        s.shard = shard;
        s.collectionId = collectionId;
        s.epoch = epoch;
        return s;
    }

    static DocState tombstone(
            long revision, String shard, String collectionId, long epoch, long expiresAt) {
        DocState s = live(revision, shard, collectionId, epoch);
        s.removed = true;
        s.expiresAt = expiresAt;
        return s;
    }

    @Override
    public String toString() {
        return (removed ? "tombstone" : "live")
                + " rev="
                + revision
                + " shard="
                + shard
                + " cid="
                + collectionId
                + " epoch="
                + epoch;
    }
}
