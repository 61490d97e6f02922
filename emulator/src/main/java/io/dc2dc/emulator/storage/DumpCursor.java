package io.dc2dc.emulator.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the dump of one shard under one batch stands: a snapshot iterator and the chunk counter
 * reported as {@code x-arango-replication-lastincluded}. Calls for one cursor are serialised
 * (arangod requires sequential dump calls per shard).
 */
public final class DumpCursor {
    private static final byte[] ENVELOPE_START =
            "{\"type\":2300,\"data\":".getBytes(StandardCharsets.US_ASCII);

    private final Batch.SnapshotIterator iterator;
    private long chunks;

    DumpCursor(ShardReplica replica, long snapshotTick) {
        this.iterator = new Batch.SnapshotIterator(replica.heads(), snapshotTick);
    }

    /** The result of one dump call. */
    public record Chunk(byte[] body, int documents, boolean checkMore, long lastIncluded) {}

    /**
     * Emits documents until at least {@code chunkSize} bytes are written (checked after each
     * document, like arangod) or the snapshot is exhausted.
     */
    public synchronized Chunk next(long chunkSize, boolean envelope) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream((int) Math.min(chunkSize + 1024, 1 << 20));
        int docs = 0;
        while (iterator.hasNext() && out.size() < chunkSize) {
            DocVersion v = iterator.next();
            if (envelope) {
                out.writeBytes(ENVELOPE_START);
                out.writeBytes(v.json);
                out.write('}');
            } else {
                out.writeBytes(v.json);
            }
            out.write('\n');
            docs++;
        }
        if (docs == 0) {
            return new Chunk(new byte[0], 0, false, 0);
        }
        chunks++;
        return new Chunk(out.toByteArray(), docs, iterator.hasNext(), chunks);
    }
}
