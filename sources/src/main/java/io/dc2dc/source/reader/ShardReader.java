package io.dc2dc.source.reader;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.source.SourceConfig;
import io.dc2dc.source.split.ShardEvent;
import io.dc2dc.source.split.ShardSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the shards assigned to this subtask: snapshots on a pool of fetcher threads, then one WAL
 * tail per source DB-server ({@link ServerTailer}), demultiplexed to the shards it leads.
 *
 * <p>Fetchers hand their results over through a bounded {@link Handover}; everything else,
 * including every change of shard state, happens on the task thread in {@link #pollNext}, so a
 * checkpoint ({@link #snapshotState}) always sees positions that match what was emitted.
 */
public final class ShardReader implements SourceReader<ChangeEvent, ShardSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(ShardReader.class);

    private final SourceConfig config;
    private final SourceReaderContext context;
    private final Handover handover;

    /** By shard id (unique in a cluster). */
    private final Map<String, ShardState> shards = new ConcurrentHashMap<>();

    private final Map<String, SnapshotTask> snapshots = new HashMap<>();
    private final Map<String, ServerTailer> tailers = new HashMap<>();
    private final String[] fenceKeys;
    private final ReaderMetrics metrics;
    private final ArangoClient client;
    private final ExecutorService snapshotPool;

    public ShardReader(SourceConfig config, SourceReaderContext context) {
        this.config = config;
        this.context = context;
        this.handover = new Handover(config.handoverCapacity());
        this.fenceKeys =
                FenceKeys.forParallelism(
                        config.orderingMaxParallelism(), config.orderingParallelism());
        this.metrics = new ReaderMetrics(context.metricGroup(), shards);
        this.client = ArangoClient.connect(config.cluster());
        AtomicInteger n = new AtomicInteger();
        int subtask = context.getIndexOfSubtask();
        this.snapshotPool =
                Executors.newFixedThreadPool(
                        config.snapshotConcurrency(),
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            "dc2dc-snapshot-"
                                                    + subtask
                                                    + "-"
                                                    + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public void start() {
        // Clients and threads exist from construction: Flink hands restored splits to
        // addSplits before it calls start.
    }

    @Override
    public void addSplits(List<ShardSplit> splits) {
        for (ShardSplit split : splits) {
            if (!config.filter().includesCollection(split.database(), split.collection())) {
                // Restored from before the filter changed: the collection is no longer read.
                LOG.info(
                        "Shard {} of {}/{} is left out by the filter; it stops",
                        split.shard(),
                        split.database(),
                        split.collection());
                continue;
            }
            ShardState state = new ShardState(split);
            shards.put(split.shard(), state);
            metrics.register(state);
            if (split.phase() == ShardSplit.Phase.TAILING) {
                LOG.info(
                        "Shard {} of {}/{} resumes tailing {} from tick {}",
                        state.shard,
                        state.database,
                        state.collection,
                        state.leader,
                        state.tailFrom);
                registerTail(state);
            } else {
                startSnapshot(state, split.epoch() == 0 ? "initial sync" : "interrupted snapshot");
            }
        }
        handover.wakeUp();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<ChangeEvent> output) {
        Fetched item = handover.poll();
        if (item == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (item instanceof Fetched.Rows rows) {
            ShardState s = current(rows.shard(), rows.epoch(), ShardSplit.Phase.SNAPSHOT);
            if (s != null) {
                for (ChangeEvent e : rows.events()) {
                    output.collect(e);
                }
                s.snapshotDocuments += rows.events().size();
                s.documentsCopied += rows.events().size();
                s.bytesCopied += rows.bytes();
                metrics.recordsIn(rows.events().size(), rows.bytes());
            }
        } else if (item instanceof Fetched.SnapshotStarted started) {
            ShardState s = current(started.shard(), started.epoch(), ShardSplit.Phase.SNAPSHOT);
            if (s != null) {
                s.expectedDocuments = started.expected();
            }
        } else if (item instanceof Fetched.SnapshotDone done) {
            ShardState s = current(done.shard(), done.epoch(), ShardSplit.Phase.SNAPSHOT);
            if (s != null) {
                snapshots.remove(splitIdOf(s));
                // A sweep removes documents that earlier snapshots of the shard saw and this one
                // did not; after the first snapshot there is nothing to sweep, and a sweep scans
                // the whole ordering state, so it is skipped.
                for (String key : s.epoch > 1 ? fenceKeys : new String[0]) {
                    output.collect(
                            ChangeEvent.sweep(
                                    s.database,
                                    s.collection,
                                    s.collectionId,
                                    s.shard,
                                    s.epoch,
                                    key));
                }
                s.phase = ShardSplit.Phase.TAILING;
                s.failedSnapshots = 0;
                s.shardGuid = done.shardGuid();
                s.tailFrom = done.tick();
                registerTail(s);
            }
        } else if (item instanceof Fetched.TailBatch batch) {
            emitTail(batch, output);
        } else if (item instanceof Fetched.Resync resync) {
            ShardState s = current(resync.shard(), resync.epoch(), null);
            if (s != null) {
                boolean snapshotFailed = s.phase == ShardSplit.Phase.SNAPSHOT;
                s.failedSnapshots = snapshotFailed ? s.failedSnapshots + 1 : 0;
                if (snapshotFailed) {
                    s.errors++;
                }
                startSnapshot(s, resync.reason());
            }
        } else if (item instanceof Fetched.Dropped dropped) {
            ShardState s = current(dropped.shard(), dropped.epoch(), null);
            if (s != null) {
                remove(s, "dropped at the source");
            }
        } else if (item instanceof Fetched.TailFailed failed) {
            for (ShardState s : shards.values()) {
                if (s.leader.equals(failed.server()) && s.phase == ShardSplit.Phase.TAILING) {
                    s.errors++;
                }
            }
        } else if (item instanceof Fetched.Fatal fatal) {
            throw fatal.error();
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void emitTail(Fetched.TailBatch batch, ReaderOutput<ChangeEvent> output) {
        long bytes = 0;
        int count = 0;
        for (ChangeEvent e : batch.events()) {
            ShardState s = shards.get(e.shard);
            if (s == null || s.epoch != e.epoch || s.phase != ShardSplit.Phase.TAILING) {
                continue;
            }
            output.collect(e);
            s.documentsCopied++;
            s.bytesCopied += e.documentBytes();
            if (e.kind == ChangeEvent.Kind.UPSERT) {
                s.lastRevision = Math.max(s.lastRevision, e.revision);
            }
            bytes += e.documentBytes();
            count++;
        }
        metrics.recordsIn(count, bytes);
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Long> p : batch.positions().entrySet()) {
            ShardState s = shards.get(p.getKey());
            if (s == null
                    || s.phase != ShardSplit.Phase.TAILING
                    || s.epoch != batch.epochs().get(p.getKey())) {
                continue;
            }
            s.tailFrom = Math.max(s.tailFrom, p.getValue());
            s.serverTick = batch.serverTick();
            if (batch.caughtUp()) {
                s.caughtUpAt = now;
            }
        }
    }

    /** The shard's state if the item is still current for it (same epoch, and phase if given). */
    private ShardState current(String shard, long epoch, ShardSplit.Phase phase) {
        ShardState s = shards.get(shard);
        if (s == null || s.epoch != epoch || (phase != null && s.phase != phase)) {
            return null;
        }
        return s;
    }

    private void startSnapshot(ShardState s, String reason) {
        String id = splitIdOf(s);
        unregisterTail(s);
        SnapshotTask previous = snapshots.remove(id);
        if (previous != null) {
            previous.cancel();
        }
        if (s.epoch > 0) {
            s.resyncs++;
        }
        s.epoch++;
        s.phase = ShardSplit.Phase.SNAPSHOT;
        s.snapshotDocuments = 0;
        LOG.info(
                "Snapshot of {}/{} shard {} on {} scheduled (epoch {}): {}",
                s.database,
                s.collection,
                s.shard,
                s.leader,
                s.epoch,
                reason);
        long delay =
                s.failedSnapshots == 0
                        ? 0
                        : Math.min(5_000, 100L << Math.min(6, s.failedSnapshots));
        SnapshotTask task =
                new SnapshotTask(client, config, handover, s.address(), s.leader, s.epoch, delay);
        snapshots.put(id, task);
        snapshotPool.execute(task);
    }

    private void registerTail(ShardState s) {
        ServerTailer tailer =
                tailers.computeIfAbsent(
                        s.leader,
                        server -> {
                            ServerTailer t = new ServerTailer(client, config, handover, server);
                            Thread thread = new Thread(t, "dc2dc-tail-" + server);
                            thread.setDaemon(true);
                            thread.start();
                            return t;
                        });
        tailer.register(
                new ServerTailer.Registration(s.address(), s.shardGuid, s.epoch, s.tailFrom));
    }

    private void unregisterTail(ShardState s) {
        for (ServerTailer t : tailers.values()) {
            t.unregister(s.shard);
        }
    }

    private void remove(ShardState s, String reason) {
        String id = splitIdOf(s);
        unregisterTail(s);
        SnapshotTask task = snapshots.remove(id);
        if (task != null) {
            task.cancel();
        }
        shards.remove(s.shard);
        LOG.info("Shard {} of {}/{} stops: {}", s.shard, s.database, s.collection, reason);
    }

    /** Split ids are {@code database/shard}; shard ids are unique in a cluster. */
    private static String shardOf(String splitId) {
        return splitId.substring(splitId.indexOf('/') + 1);
    }

    private static String splitIdOf(ShardState s) {
        return s.database + "/" + s.shard;
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof ShardEvent.LeaderChanged changed) {
            ShardState s = shards.get(shardOf(changed.splitId()));
            if (s != null && !s.leader.equals(changed.newLeader())) {
                String old = s.leader;
                s.leader = changed.newLeader();
                startSnapshot(s, "leader moved from " + old + " to " + changed.newLeader());
            }
        } else if (event instanceof ShardEvent.Dropped dropped) {
            ShardState s = shards.get(shardOf(dropped.splitId()));
            if (s != null) {
                remove(s, "dropped at the source");
            }
        }
        handover.wakeUp();
    }

    @Override
    public List<ShardSplit> snapshotState(long checkpointId) {
        List<ShardSplit> out = new ArrayList<>(shards.size());
        for (ShardState s : shards.values()) {
            out.add(s.toSplit());
        }
        return out;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return handover.available();
    }

    @Override
    public void notifyNoMoreSplits() {
        // Replication is unbounded: more shards may come with new collections.
    }

    @Override
    public void close() throws Exception {
        for (SnapshotTask t : snapshots.values()) {
            t.cancel();
        }
        for (ServerTailer t : tailers.values()) {
            t.close();
        }
        snapshotPool.shutdownNow();
        client.close();
    }
}
