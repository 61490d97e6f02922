package io.dc2dc.source.reader;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.Batch;
import io.dc2dc.arango.http.DumpResult;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.model.DocumentAddress;
import io.dc2dc.source.SourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one snapshot of one shard on a fetcher thread: creates a batch on the shard's leader
 * (pinning a consistent snapshot and its tick), learns the shard's {@code globallyUniqueId} from
 * the leader's inventory, dumps the shard chunk by chunk into the handover, extends the batch while
 * it dumps, and finally reports the batch's tick so that tailing resumes exactly there.
 *
 * <p>A dump cannot resume inside a batch, so any failure ends the attempt with a {@link
 * Fetched.Resync}: the task thread then starts a new snapshot with a new epoch, which keeps the
 * sweep after it correct.
 */
final class SnapshotTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTask.class);

    private final ArangoClient client;
    private final SourceConfig config;
    private final Handover handover;
    private final DocumentAddress shardAddress;
    private final String leader;
    private final long epoch;
    private final long delayMillis;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    SnapshotTask(
            ArangoClient client,
            SourceConfig config,
            Handover handover,
            DocumentAddress shardAddress,
            String leader,
            long epoch,
            long delayMillis) {
        this.client = client;
        this.config = config;
        this.handover = handover;
        this.shardAddress = shardAddress;
        this.leader = leader;
        this.epoch = epoch;
        this.delayMillis = delayMillis;
    }

    void cancel() {
        cancelled.set(true);
    }

    /** The shard's current document count, for progress only: -1 if the leader cannot say. */
    private long expectedDocuments(String db, String shard) {
        try {
            return client.shardCount(leader, db, shard);
        } catch (RuntimeException e) {
            LOG.debug("No document count for {}/{} on {}: {}", db, shard, leader, e.toString());
            return -1;
        }
    }

    @Override
    public void run() {
        String db = shardAddress.database();
        String shard = shardAddress.shard();
        Batch batch = null;
        try {
            if (delayMillis > 0) {
                // A retake after a failure waits, so a dead leader is not hammered.
                Thread.sleep(delayMillis);
            }
            if (cancelled.get()) {
                return;
            }
            batch = client.createBatch(leader, db, config.batchTtl(), config.syncerId());
            String guid = client.shardGuid(leader, db, batch.id(), shard);
            handover.put(new Fetched.SnapshotStarted(shard, epoch, expectedDocuments(db, shard)));
            LOG.info(
                    "Snapshot of {}/{} shard {} (epoch {}) on {} started at tick {}",
                    db,
                    shardAddress.collection(),
                    shard,
                    epoch,
                    leader,
                    batch.lastTick());
            long extendEvery = Math.max(1000, config.batchTtl().toMillis() / 3);
            long lastExtended = System.currentTimeMillis();
            long rows = 0;
            boolean more = true;
            while (more && !cancelled.get()) {
                List<ChangeEvent> events = new ArrayList<>();
                long[] bytes = {0};
                DumpResult result =
                        client.dump(
                                leader,
                                db,
                                shard,
                                batch.id(),
                                config.dumpChunkBytes(),
                                doc -> {
                                    events.add(
                                            ChangeEvent.upsert(
                                                    withKey(doc.key()),
                                                    doc.rev(),
                                                    doc.bytes(),
                                                    0,
                                                    epoch));
                                    bytes[0] += doc.bytes().length;
                                });
                if (!events.isEmpty()) {
                    rows += events.size();
                    handover.put(new Fetched.Rows(shard, epoch, events, bytes[0]));
                }
                more = result.checkMore() && !events.isEmpty();
                long now = System.currentTimeMillis();
                if (more && now - lastExtended > extendEvery) {
                    client.extendBatch(leader, db, batch.id(), config.batchTtl());
                    lastExtended = now;
                }
            }
            if (!cancelled.get()) {
                LOG.info(
                        "Snapshot of {}/{} shard {} (epoch {}) done: {} documents, tailing from"
                                + " tick {}",
                        db,
                        shardAddress.collection(),
                        shard,
                        epoch,
                        rows,
                        batch.lastTick());
                handover.put(new Fetched.SnapshotDone(shard, epoch, guid, batch.lastTick()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!cancelled.get()) {
                LOG.warn(
                        "Snapshot of {}/{} shard {} (epoch {}) on {} failed; it will be retaken",
                        db,
                        shardAddress.collection(),
                        shard,
                        epoch,
                        leader,
                        e);
                Fetched item =
                        ReaderErrors.isFatal(e)
                                ? new Fetched.Fatal(e)
                                : new Fetched.Resync(
                                        shard, epoch, "snapshot failed: " + e.getMessage());
                putQuietly(item);
            }
        } finally {
            if (batch != null) {
                try {
                    client.deleteBatch(leader, db, batch.id());
                } catch (RuntimeException e) {
                    LOG.debug(
                            "Could not delete batch {} on {}; it expires by itself",
                            batch.id(),
                            leader,
                            e);
                }
            }
        }
    }

    private DocumentAddress withKey(String key) {
        return new DocumentAddress(
                shardAddress.database(),
                shardAddress.collection(),
                shardAddress.collectionId(),
                shardAddress.shard(),
                key);
    }

    private void putQuietly(Fetched item) {
        try {
            handover.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
