package io.dc2dc.emulator.replication;

import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.model.ShardHash;
import io.dc2dc.emulator.storage.Batch;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The sorted (key, revision) list of one shard under one batch, for the keys-based comparison API
 * (§3.4): chunks with {@code low}/{@code high}/{@code hash}, the keys of a chunk and documents by
 * position. Immutable once built.
 */
public final class KeySnapshot {
    private final String id;
    private final Batch batch;
    private final List<DocVersion> docs;

    private KeySnapshot(String id, Batch batch, List<DocVersion> docs) {
        this.id = id;
        this.batch = batch;
        this.docs = docs;
    }

    public static KeySnapshot build(String id, Batch batch, ShardReplica replica) {
        List<DocVersion> docs = new ArrayList<>();
        for (Iterator<DocVersion> it = batch.snapshot(replica); it.hasNext(); ) {
            docs.add(it.next());
        }
        docs.sort(Comparator.comparing(DocVersion::key));
        return new KeySnapshot(id, batch, docs);
    }

    public String id() {
        return id;
    }

    public Batch batch() {
        return batch;
    }

    public int count() {
        return docs.size();
    }

    public int chunks(int chunkSize) {
        return (docs.size() + chunkSize - 1) / chunkSize;
    }

    /** One chunk of the list. */
    public record Chunk(String low, String high, long hash) {}

    public Chunk chunk(int index, int chunkSize) {
        int from = index * chunkSize;
        int to = Math.min(docs.size(), from + chunkSize);
        long hash = 0x2345;
        for (int i = from; i < to; i++) {
            DocVersion d = docs.get(i);
            hash ^= ShardHash.hash(d.key()) ^ ShardHash.hash(Revisions.encode(d.rev()));
        }
        return new Chunk(docs.get(from).key(), docs.get(to - 1).key(), hash);
    }

    /** Documents of chunk {@code index}; empty when out of range. */
    public List<DocVersion> chunkDocs(int index, int chunkSize) {
        int from = index * chunkSize;
        if (from >= docs.size() || from < 0) {
            return List.of();
        }
        return docs.subList(from, Math.min(docs.size(), from + chunkSize));
    }
}
