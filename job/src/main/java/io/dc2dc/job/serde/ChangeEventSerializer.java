package io.dc2dc.job.serde;

import io.dc2dc.arango.model.ChangeEvent;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes {@link ChangeEvent}s between the pipeline's operators, in place of Flink's reflective
 * POJO serializer, which costs a field lookup and a null flag per field and copies the document's
 * bytes whenever a chained operator hands a record on.
 *
 * <p>Format (version 1), in this order:
 *
 * <pre>
 * byte   header: bits 0-1 kind (0 UPSERT, 1 REMOVE, 2 SWEEP), bit 2 document present,
 *                bit 3 routing key is the document routing key of database, collection, key
 *                (then it is not written but rebuilt when read)
 * block  database, collection, collectionId, shard, key, and routingKey without bit 3
 *        ({@link StringBlock}: one length, then the strings as UTF-8; null allowed)
 * long   revision, tick, epoch
 * int    document length, then the document bytes        (only with bit 2)
 * </pre>
 *
 * <p>ChangeEvents are not kept in keyed or operator state (the ordering stage keeps {@code
 * DocState}), so this format only travels between tasks of one running job; the snapshot still
 * exists so that Flink can check compatibility should it ever be persisted (e.g. unaligned
 * checkpoints).
 *
 * <p>{@link #copy(ChangeEvent)} shares the document's byte array with the original: the pipeline
 * never modifies a document's bytes after the source created them (they are written to the
 * destination exactly as read), so a deep copy of up to megabytes per change would buy nothing.
 *
 * <p>Database, collection, collection id and shard repeat from change to change; each instance
 * remembers the last ones it encoded or decoded ({@link StringBlock.Cache}), so it is not
 * thread-safe, and {@link #duplicate()} returns a new instance.
 */
public final class ChangeEventSerializer extends TypeSerializer<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    /** How many leading strings of the block repeat: database, collection, collectionId, shard. */
    private static final int REPEATED_NAMES = 4;

    private transient StringBlock.Cache writeNames;
    private transient StringBlock.Cache readNames;

    static final int KIND_MASK = 0x03;
    static final int HAS_DOCUMENT = 0x04;
    static final int DERIVED_ROUTING_KEY = 0x08;

    private static final ChangeEvent.Kind[] KINDS = {
        ChangeEvent.Kind.UPSERT, ChangeEvent.Kind.REMOVE, ChangeEvent.Kind.SWEEP
    };

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<ChangeEvent> duplicate() {
        return new ChangeEventSerializer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeEventSerializer;
    }

    @Override
    public int hashCode() {
        return ChangeEventSerializer.class.hashCode();
    }

    @Override
    public ChangeEvent createInstance() {
        return new ChangeEvent();
    }

    @Override
    public ChangeEvent copy(ChangeEvent from) {
        ChangeEvent to = new ChangeEvent();
        to.kind = from.kind;
        to.database = from.database;
        to.collection = from.collection;
        to.collectionId = from.collectionId;
        to.shard = from.shard;
        to.key = from.key;
        to.revision = from.revision;
        to.document = from.document; // never modified after creation, see class comment
        to.tick = from.tick;
        to.epoch = from.epoch;
        to.routingKey = from.routingKey;
        return to;
    }

    @Override
    public ChangeEvent copy(ChangeEvent from, ChangeEvent reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ChangeEvent e, DataOutputView out) throws IOException {
        boolean derived = isDocumentRoutingKey(e);
        int header = kindCode(e.kind);
        if (e.document != null) {
            header |= HAS_DOCUMENT;
        }
        out.writeByte(derived ? header | DERIVED_ROUTING_KEY : header);
        if (writeNames == null) {
            writeNames = new StringBlock.Cache(REPEATED_NAMES);
        }
        if (derived) {
            StringBlock.write(
                    out, writeNames, e.database, e.collection, e.collectionId, e.shard, e.key);
        } else {
            StringBlock.write(
                    out,
                    writeNames,
                    e.database,
                    e.collection,
                    e.collectionId,
                    e.shard,
                    e.key,
                    e.routingKey);
        }
        out.writeLong(e.revision);
        out.writeLong(e.tick);
        out.writeLong(e.epoch);
        if (e.document != null) {
            out.writeInt(e.document.length);
            out.write(e.document);
        }
    }

    @Override
    public ChangeEvent deserialize(DataInputView in) throws IOException {
        int header = in.readUnsignedByte();
        int kind = header & KIND_MASK;
        if (kind >= KINDS.length
                || (header & ~(KIND_MASK | HAS_DOCUMENT | DERIVED_ROUTING_KEY)) != 0) {
            throw new IOException("corrupt ChangeEvent record: header byte " + header);
        }
        boolean derived = (header & DERIVED_ROUTING_KEY) != 0;
        if (readNames == null) {
            readNames = new StringBlock.Cache(REPEATED_NAMES);
        }
        String[] strings = StringBlock.read(in, derived ? 5 : 6, readNames);
        ChangeEvent e = new ChangeEvent();
        e.kind = KINDS[kind];
        e.database = strings[0];
        e.collection = strings[1];
        e.collectionId = strings[2];
        e.shard = strings[3];
        e.key = strings[4];
        e.routingKey =
                derived
                        ? ChangeEvent.documentRoutingKey(e.database, e.collection, e.key)
                        : strings[5];
        e.revision = in.readLong();
        e.tick = in.readLong();
        e.epoch = in.readLong();
        if ((header & HAS_DOCUMENT) != 0) {
            int length = in.readInt();
            if (length < 0) {
                throw new IOException("corrupt ChangeEvent record: document length " + length);
            }
            e.document = new byte[length];
            in.readFully(e.document);
        }
        return e;
    }

    @Override
    public ChangeEvent deserialize(ChangeEvent reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        int header = in.readUnsignedByte();
        out.writeByte(header);
        StringBlock.copy(in, out);
        out.write(in, 3 * Long.BYTES);
        if ((header & HAS_DOCUMENT) != 0) {
            int length = in.readInt();
            out.writeInt(length);
            out.write(in, length);
        }
    }

    @Override
    public TypeSerializerSnapshot<ChangeEvent> snapshotConfiguration() {
        return new ChangeEventSerializerSnapshot();
    }

    private static int kindCode(ChangeEvent.Kind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("a ChangeEvent without kind cannot be sent");
        }
        return switch (kind) {
            case UPSERT -> 0;
            case REMOVE -> 1;
            case SWEEP -> 2;
        };
    }

    /**
     * Whether the routing key is exactly {@code database/collection/key}, checked without building
     * that string.
     */
    static boolean isDocumentRoutingKey(ChangeEvent e) {
        String r = e.routingKey;
        if (r == null || e.database == null || e.collection == null || e.key == null) {
            return false;
        }
        int db = e.database.length();
        int c = e.collection.length();
        return r.length() == db + c + e.key.length() + 2
                && r.startsWith(e.database)
                && r.charAt(db) == '/'
                && r.startsWith(e.collection, db + 1)
                && r.charAt(db + 1 + c) == '/'
                && r.endsWith(e.key);
    }
}
