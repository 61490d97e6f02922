package io.dc2dc.arango.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One change of one document of the source cluster, or a control event of the replication stream,
 * as it travels from the source readers through the ordering stage to the sink.
 *
 * <pre>{"kind": "UPSERT", "database": "shop", "collection": "orders", "collectionId": "2010061",
 *  "shard": "s2010062", "key": "4711", "revision": 1819361843593166848,
 *  "document": {"_key": "4711", "_rev": "_l6zhUoy---", ...}, "tick": 7312230, "epoch": 3}</pre>
 *
 * <p>{@code revision} is the document's {@code _rev} as a hybrid-logical-clock value; for a {@code
 * REMOVE} it is the revision of the removed version (a remove marker carries no new revision).
 * {@code epoch} counts the snapshots of the shard: rows of a snapshot and the tail that follows it
 * carry that snapshot's epoch. A {@code SWEEP} event tells the ordering stage that the snapshot of
 * {@code shard} with {@code epoch} is complete, so every document of that shard last seen in an
 * older epoch vanished from the source; its {@code routingKey} addresses one ordering subtask.
 *
 * <p>A plain mutable class with public fields and a no-argument constructor so that Flink
 * serializes it as a POJO without this module depending on Flink.
 */
public final class ChangeEvent {

    /** What the event asks for. */
    public enum Kind {
        /** Insert or replace the document with exactly this body and revision. */
        UPSERT,
        /** Remove the document version {@code revision} (and anything older). */
        REMOVE,
        /** The snapshot {@code epoch} of {@code shard} is complete; sweep what it did not see. */
        SWEEP
    }

    public Kind kind;
    public String database;
    public String collection;
    public String collectionId;
    public String shard;
    public String key;
    public long revision;
    public byte[] document;
    public long tick;
    public long epoch;

    /** The key the pipeline partitions by; for documents {@link #documentRoutingKey}. */
    public String routingKey;

    public ChangeEvent() {}

    /** A document upsert carrying the document's compact JSON. */
    public static ChangeEvent upsert(
            DocumentAddress address, long revision, byte[] document, long tick, long epoch) {
        ChangeEvent e = of(Kind.UPSERT, address, revision, tick, epoch);
        e.document = document;
        return e;
    }

    /** The removal of the document version {@code revision}. */
    public static ChangeEvent remove(
            DocumentAddress address, long revision, long tick, long epoch) {
        return of(Kind.REMOVE, address, revision, tick, epoch);
    }

    /** A sweep fence for one ordering subtask, addressed by {@code routingKey}. */
    public static ChangeEvent sweep(
            String database,
            String collection,
            String collectionId,
            String shard,
            long epoch,
            String routingKey) {
        ChangeEvent e = new ChangeEvent();
        e.kind = Kind.SWEEP;
        e.database = database;
        e.collection = collection;
        e.collectionId = collectionId;
        e.shard = shard;
        e.epoch = epoch;
        e.routingKey = routingKey;
        return e;
    }

    private static ChangeEvent of(
            Kind kind, DocumentAddress address, long revision, long tick, long epoch) {
        ChangeEvent e = new ChangeEvent();
        e.kind = kind;
        e.database = address.database();
        e.collection = address.collection();
        e.collectionId = address.collectionId();
        e.shard = address.shard();
        e.key = address.key();
        e.revision = revision;
        e.tick = tick;
        e.epoch = epoch;
        e.routingKey = documentRoutingKey(address.database(), address.collection(), address.key());
        return e;
    }

    /**
     * The partitioning key of a document: database, collection and {@code _key}, joined by a
     * character that none of them may contain.
     */
    public static String documentRoutingKey(String database, String collection, String key) {
        return database + '/' + collection + '/' + key;
    }

    /** The document's byte size as sent to the destination, 0 for a removal. */
    public int documentBytes() {
        return document == null ? 0 : document.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChangeEvent e)) {
            return false;
        }
        return kind == e.kind
                && revision == e.revision
                && tick == e.tick
                && epoch == e.epoch
                && Objects.equals(database, e.database)
                && Objects.equals(collection, e.collection)
                && Objects.equals(collectionId, e.collectionId)
                && Objects.equals(shard, e.shard)
                && Objects.equals(key, e.key)
                && Objects.equals(routingKey, e.routingKey)
                && Arrays.equals(document, e.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, database, collection, shard, key, revision, tick, epoch);
    }

    @Override
    public String toString() {
        return kind
                + " "
                + database
                + "/"
                + collection
                + "/"
                + key
                + " shard="
                + shard
                + " rev="
                + revision
                + " tick="
                + tick
                + " epoch="
                + epoch
                + (document == null
                        ? ""
                        : " doc="
                                + new String(
                                        document,
                                        0,
                                        Math.min(document.length, 80),
                                        StandardCharsets.UTF_8));
    }
}
