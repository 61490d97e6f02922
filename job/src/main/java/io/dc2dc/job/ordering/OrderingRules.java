package io.dc2dc.job.ordering;

import io.dc2dc.arango.model.ChangeEvent;

/**
 * The ordering rules of the keyed stage, as a pure function of (what we remember, the event).
 *
 * <p>An upsert passes only if its revision is newer than anything applied or removed for the
 * document. A removal carries the revision of the version it removed (not a new one): it passes if
 * that version is the newest one seen, and its tombstone then stops that version, or any older one,
 * from coming back through a snapshot that read it earlier. A document of another collection
 * incarnation (same name, new plan id) starts from scratch, except for the very revision applied
 * last, which is already on the destination (see {@link #sameVersionElsewhere}). Every event that
 * is not forwarded still records that the current snapshot epoch saw the document, so a sweep after
 * that snapshot does not remove it.
 */
final class OrderingRules {

    /** The outcome: whether to forward the event, and the state to keep (never null). */
    record Decision(boolean forward, DocState next) {}

    private OrderingRules() {}

    /**
     * Decides about {@code e} given the document's state.
     *
     * @param generation the running job's {@code sync.generation}; only state of an earlier
     *     generation (the other direction's, before a switchover) may be adopted
     */
    static Decision decide(
            DocState current, ChangeEvent e, long tombstoneExpiresAt, int generation) {
        boolean fresh = current == null || !current.collectionId.equals(e.collectionId);
        if (fresh
                && current != null
                && current.generation < generation
                && sameVersionElsewhere(current, e)) {
            return new Decision(false, DocState.live(e.revision, e.shard, e.collectionId, e.epoch));
        }
        return switch (e.kind) {
            case UPSERT -> upsert(fresh ? null : current, e);
            case REMOVE -> remove(fresh ? null : current, e, tombstoneExpiresAt);
            case SWEEP -> throw new IllegalArgumentException("a sweep is not a document event");
        };
    }

    private static Decision upsert(DocState current, ChangeEvent e) {
        if (current == null || e.revision > current.revision) {
            return new Decision(true, DocState.live(e.revision, e.shard, e.collectionId, e.epoch));
        }
        return new Decision(false, seen(current, e.epoch));
    }

    private static Decision remove(DocState current, ChangeEvent e, long expiresAt) {
        if (current == null || (!current.removed && current.revision <= e.revision)) {
            return new Decision(
                    true,
                    DocState.tombstone(e.revision, e.shard, e.collectionId, e.epoch, expiresAt));
        }
        if (current.removed && e.revision > current.revision) {
            // Already gone; remember the newer removed revision so that it cannot come back.
            return new Decision(
                    false,
                    DocState.tombstone(e.revision, e.shard, e.collectionId, e.epoch, expiresAt));
        }
        return new Decision(false, seen(current, e.epoch));
    }

    /**
     * The exact version applied last, read from another collection incarnation: after a switchover
     * the reverse job starts with this state (kept from the old direction's savepoint) and reads
     * the old destination, whose collections have other ids but hold the very revisions applied
     * (dc2dc keeps the source's {@code _rev}). Such a document is equal on both sides: it is not
     * written again, and the state moves to the new shard and incarnation so that later sweeps of
     * that shard see it. Only state of an earlier generation is adopted: within one direction, a
     * collection dropped at the source is dropped on the destination too, so a new incarnation
     * holding the same revisions (restored from a backup, say) must be written.
     */
    private static boolean sameVersionElsewhere(DocState current, ChangeEvent e) {
        return e.kind == ChangeEvent.Kind.UPSERT
                && !current.removed
                && current.revision == e.revision;
    }

    private static DocState seen(DocState current, long epoch) {
        if (epoch <= current.epoch) {
            return current;
        }
        DocState next =
                current.removed
                        ? DocState.tombstone(
                                current.revision,
                                current.shard,
                                current.collectionId,
                                epoch,
                                current.expiresAt)
                        : DocState.live(
                                current.revision, current.shard, current.collectionId, epoch);
        return next;
    }

    /**
     * Whether a sweep of {@code sweep.shard} at {@code sweep.epoch} removes this document: it is
     * live, came from that shard of that incarnation, and the snapshot did not see it.
     */
    static boolean sweeps(DocState state, ChangeEvent sweep) {
        return !state.removed
                && state.epoch < sweep.epoch
                && sweep.shard.equals(state.shard)
                && sweep.collectionId.equals(state.collectionId);
    }
}
