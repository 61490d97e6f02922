package io.dc2dc.source.enumerator;

import io.dc2dc.source.split.ShardSplit;
import io.dc2dc.source.split.ShardSplitSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Serializes the {@link EnumeratorState}; golden bytes of every version live in the tests. */
public final class EnumeratorStateSerializer implements SimpleVersionedSerializer<EnumeratorState> {

    /** Known shards (5 strings each), then unassigned splits in shard split version 1. */
    static final int VERSION_1 = 1;

    /**
     * Version 1, then the databases (count, name and id each) and the pending drops (count;
     * database, collection, identity and checkpoint id each).
     */
    static final int VERSION_2 = 2;

    static final int CURRENT = VERSION_2;

    @Override
    public int getVersion() {
        return CURRENT;
    }

    @Override
    public byte[] serialize(EnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(state.known().size());
        for (KnownShard k : state.known().values()) {
            out.writeUTF(k.database());
            out.writeUTF(k.collection());
            out.writeUTF(k.collectionId());
            out.writeUTF(k.shard());
            out.writeUTF(k.leader());
        }
        out.writeInt(state.unassigned().size());
        for (ShardSplit split : state.unassigned()) {
            ShardSplitSerializer.write(split, out);
        }
        out.writeInt(state.databases().size());
        for (Map.Entry<String, String> db : state.databases().entrySet()) {
            out.writeUTF(db.getKey());
            out.writeUTF(db.getValue());
        }
        out.writeInt(state.pendingDrops().size());
        for (PendingDrop drop : state.pendingDrops()) {
            out.writeUTF(drop.database());
            out.writeUTF(drop.collection());
            out.writeUTF(drop.identity());
            out.writeLong(drop.checkpointId());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1 && version != VERSION_2) {
            throw new IOException(
                    "Unknown enumerator state version "
                            + version
                            + " (this build reads up to "
                            + CURRENT
                            + "); was the savepoint written by a newer dc2dc?");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int knownCount = in.readInt();
        Map<String, KnownShard> known = new LinkedHashMap<>();
        for (int i = 0; i < knownCount; i++) {
            KnownShard k =
                    new KnownShard(
                            in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
            known.put(k.splitId(), k);
        }
        int unassignedCount = in.readInt();
        List<ShardSplit> unassigned = new ArrayList<>(unassignedCount);
        for (int i = 0; i < unassignedCount; i++) {
            unassigned.add(ShardSplitSerializer.read(ShardSplitSerializer.VERSION_1, in));
        }
        Map<String, String> databases = new LinkedHashMap<>();
        List<PendingDrop> drops = new ArrayList<>();
        if (version >= VERSION_2) {
            int databaseCount = in.readInt();
            for (int i = 0; i < databaseCount; i++) {
                databases.put(in.readUTF(), in.readUTF());
            }
            int dropCount = in.readInt();
            for (int i = 0; i < dropCount; i++) {
                drops.add(new PendingDrop(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong()));
            }
        }
        return new EnumeratorState(known, unassigned, databases, drops);
    }
}
