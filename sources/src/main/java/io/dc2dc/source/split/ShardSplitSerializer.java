package io.dc2dc.source.split;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes {@link ShardSplit}s into checkpoints. Every released version keeps a reader and golden
 * bytes in the tests; a new field means a new version.
 */
public final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {

    public static final ShardSplitSerializer INSTANCE = new ShardSplitSerializer();

    /** database, collection, collectionId, shard, leader, shardGuid, phase, epoch, tailFrom. */
    public static final int VERSION_1 = 1;

    static final int CURRENT = VERSION_1;

    @Override
    public int getVersion() {
        return CURRENT;
    }

    @Override
    public byte[] serialize(ShardSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    /** Writes the current version's fields, also used inside the enumerator's state. */
    public static void write(ShardSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.database());
        out.writeUTF(split.collection());
        out.writeUTF(split.collectionId());
        out.writeUTF(split.shard());
        out.writeUTF(split.leader());
        out.writeUTF(split.shardGuid());
        out.writeByte(split.phase().ordinal());
        out.writeLong(split.epoch());
        out.writeLong(split.tailFrom());
    }

    @Override
    public ShardSplit deserialize(int version, byte[] serialized) throws IOException {
        return read(version, new DataInputDeserializer(serialized));
    }

    /** Reads a split written with {@code version}. */
    public static ShardSplit read(int version, DataInputView in) throws IOException {
        if (version == VERSION_1) {
            return readV1(in);
        }
        throw new IOException(
                "Unknown shard split version "
                        + version
                        + " (this build reads up to "
                        + CURRENT
                        + "); was the savepoint written by a newer dc2dc?");
    }

    private static ShardSplit readV1(DataInputView in) throws IOException {
        String database = in.readUTF();
        String collection = in.readUTF();
        String collectionId = in.readUTF();
        String shard = in.readUTF();
        String leader = in.readUTF();
        String shardGuid = in.readUTF();
        int phase = in.readByte();
        long epoch = in.readLong();
        long tailFrom = in.readLong();
        return new ShardSplit(
                database,
                collection,
                collectionId,
                shard,
                leader,
                shardGuid,
                ShardSplit.Phase.values()[phase],
                epoch,
                tailFrom);
    }
}
