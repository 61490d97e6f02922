package io.dc2dc.source.reader;

import io.dc2dc.arango.model.ChangeEvent;
import java.util.List;
import java.util.Map;

/**
 * What the fetcher threads hand over to the reader's task thread, in order. Every item names the
 * shard epoch it belongs to, so that the task thread can drop items of a snapshot or a tail
 * registration that has been superseded meanwhile.
 */
sealed interface Fetched {

    /** Rows of a snapshot of {@code shard}. */
    record Rows(String shard, long epoch, List<ChangeEvent> events, long bytes)
            implements Fetched {}

    /** The snapshot of {@code shard} is complete; tail its leader from {@code tick}. */
    /** A snapshot started; the shard held about {@code expected} documents (-1: unknown). */
    record SnapshotStarted(String shard, long epoch, long expected) implements Fetched {}

    record SnapshotDone(String shard, long epoch, String shardGuid, long tick) implements Fetched {}

    /**
     * Changes read from one DB-server's WAL, and how far each listed shard has been read: {@code
     * positions} maps shard to tick, {@code epochs} the shard to the epoch it was read for.
     */
    record TailBatch(
            String server,
            List<ChangeEvent> events,
            Map<String, Long> positions,
            Map<String, Long> epochs,
            long serverTick,
            boolean caughtUp)
            implements Fetched {}

    /** The shard must be re-established (snapshot failed, WAL purged, truncated, …). */
    record Resync(String shard, long epoch, String reason) implements Fetched {}

    /** The shard is gone at the source (collection or database dropped). */
    record Dropped(String shard, long epoch) implements Fetched {}

    /** A WAL poll of {@code server} failed and will be retried; counted as an error. */
    record TailFailed(String server) implements Fetched {}

    /** A failure that no retry can fix; the task thread rethrows it. */
    record Fatal(RuntimeException error) implements Fetched {}
}
