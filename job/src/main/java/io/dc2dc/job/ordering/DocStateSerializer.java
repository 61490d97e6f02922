package io.dc2dc.job.ordering;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The serializer of {@link DocState}, written by hand: the ordering stage reads and writes one
 * {@code DocState} per change, and Flink's reflective POJO serializer (the one used before) took
 * about 8 % of the ordering thread's samples in a flight recording of an initial sync (reflective
 * field access, a null flag per field). Format, version 1:
 *
 * <pre>
 * byte    flags: 0x01 removed, 0x02 shard present, 0x04 collectionId present
 * long    revision
 * long    epoch
 * long    expiresAt            (only if removed; a live document's is 0)
 * int     generation
 * UTF     shard                (if present; modified UTF-8 as DataOutput.writeUTF)
 * UTF     collectionId         (if present)
 * </pre>
 *
 * <p>State written with the POJO serializer is migrated on restore (see {@link
 * DocStateSerializerSnapshot}). Stateless; thread-safe.
 */
public final class DocStateSerializer extends TypeSerializerSingleton<DocState> {

    private static final long serialVersionUID = 1L;

    public static final DocStateSerializer INSTANCE = new DocStateSerializer();

    static final int REMOVED = 0x01;
    static final int HAS_SHARD = 0x02;
    static final int HAS_COLLECTION_ID = 0x04;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public DocState createInstance() {
        return new DocState();
    }

    @Override
    public DocState copy(DocState from) {
        DocState to = new DocState();
        to.revision = from.revision;
        to.removed = from.removed;
        to.shard = from.shard;
        to.collectionId = from.collectionId;
        to.epoch = from.epoch;
        to.expiresAt = from.expiresAt;
        to.generation = from.generation;
        return to;
    }

    @Override
    public DocState copy(DocState from, DocState reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(DocState s, DataOutputView out) throws IOException {
        int flags =
                (s.removed ? REMOVED : 0)
                        | (s.shard != null ? HAS_SHARD : 0)
                        | (s.collectionId != null ? HAS_COLLECTION_ID : 0);
        out.writeByte(flags);
        out.writeLong(s.revision);
        out.writeLong(s.epoch);
        if (s.removed) {
            out.writeLong(s.expiresAt);
        }
        out.writeInt(s.generation);
        if (s.shard != null) {
            out.writeUTF(s.shard);
        }
        if (s.collectionId != null) {
            out.writeUTF(s.collectionId);
        }
    }

    @Override
    public DocState deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        if ((flags & ~(REMOVED | HAS_SHARD | HAS_COLLECTION_ID)) != 0) {
            throw new IOException("corrupt DocState record: flags " + flags);
        }
        DocState s = new DocState();
        s.removed = (flags & REMOVED) != 0;
        s.revision = in.readLong();
        s.epoch = in.readLong();
        if (s.removed) {
            s.expiresAt = in.readLong();
        }
        s.generation = in.readInt();
        if ((flags & HAS_SHARD) != 0) {
            s.shard = in.readUTF();
        }
        if ((flags & HAS_COLLECTION_ID) != 0) {
            s.collectionId = in.readUTF();
        }
        return s;
    }

    @Override
    public DocState deserialize(DocState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<DocState> snapshotConfiguration() {
        return new DocStateSerializerSnapshot();
    }
}
