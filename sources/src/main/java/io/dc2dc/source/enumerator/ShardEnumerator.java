package io.dc2dc.source.enumerator;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.source.SourceConfig;
import io.dc2dc.source.split.ShardEvent;
import io.dc2dc.source.split.ShardSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the source's shards periodically and hands each one, as a split, to a reader chosen by
 * the shard's leader (so that one reader tails each DB-server); tells readers when a shard's leader
 * changed or its collection was dropped. New collections start syncing without a restart.
 *
 * <p>A collection or database dropped at the source is dropped on the destination once its splits
 * have stopped and a checkpoint taken after that has completed ({@link PendingDrop}); only then is
 * a new incarnation under the same name created and read, so the destination never gets a document
 * of the old incarnation into the new one. A collection that the filter now leaves out only stops;
 * it stays on the destination.
 *
 * <p>All methods run on the enumerator's coordinator thread; discovery I/O runs through {@code
 * callAsync} on its worker thread.
 */
public final class ShardEnumerator implements SplitEnumerator<ShardSplit, EnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(ShardEnumerator.class);

    private final SourceConfig config;
    private final StructureApplier.Factory applierFactory;
    private final SplitEnumeratorContext<ShardSplit> context;
    private final Map<String, KnownShard> known;
    private final List<ShardSplit> unassigned;
    private final Map<String, String> databases;
    private final List<PendingDrop> pendingDrops;
    private final Set<String> dropsRunning = new HashSet<>();
    private volatile Discovery.Known knownForDiscovery = Discovery.Known.NONE;
    private List<String> servers = List.of();
    private ArangoClient client;
    private StructureApplier applier;

    public ShardEnumerator(
            SourceConfig config,
            StructureApplier.Factory applierFactory,
            SplitEnumeratorContext<ShardSplit> context,
            EnumeratorState state) {
        this.config = config;
        this.applierFactory = applierFactory;
        this.context = context;
        this.known = new LinkedHashMap<>(state.known());
        this.unassigned = new ArrayList<>(state.unassigned());
        this.databases = new LinkedHashMap<>(state.databases());
        this.pendingDrops = new ArrayList<>(state.pendingDrops());
        publishKnown();
    }

    @Override
    public void start() {
        client = ArangoClient.connect(config.cluster());
        applier = applierFactory.create();
        // A checkpoint that was restored has completed: the drops recorded in it are due.
        runDueDrops(Long.MAX_VALUE);
        context.callAsync(
                () -> Discovery.discover(client, applier, config.filter(), knownForDiscovery),
                this::onDiscovered,
                0,
                config.discoveryInterval().toMillis());
    }

    /** Publishes what discovery must know, as an immutable snapshot for its worker thread. */
    private void publishKnown() {
        Set<String> blocked = new HashSet<>();
        for (PendingDrop d : pendingDrops) {
            blocked.add(d.name());
        }
        Map<String, String> collections = new HashMap<>();
        for (KnownShard k : known.values()) {
            collections.put(k.database() + "/" + k.collection(), k.collectionId());
        }
        knownForDiscovery =
                new Discovery.Known(
                        Set.copyOf(blocked), Map.copyOf(collections), Map.copyOf(databases));
    }

    private void onDiscovered(Discovery.Result result, Throwable error) {
        if (error != null) {
            LOG.warn(
                    "Discovery of the source cluster {} failed; retrying in {}: {}",
                    config.cluster().endpoints(),
                    config.discoveryInterval(),
                    error.toString());
            return;
        }
        servers = result.servers();
        for (Iterator<Map.Entry<String, String>> it = databases.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, String> db = it.next();
            if (!config.filter().includesDatabase(db.getKey())) {
                it.remove();
                if (config.filter().dropsExcluded()) {
                    addDrop(PendingDrop.database(db.getKey(), db.getValue()));
                } else {
                    LOG.info("Database {} is no longer replicated (filter); it stays", db.getKey());
                }
            } else if (!db.getValue().equals(result.databases().get(db.getKey()))) {
                it.remove();
                addDrop(PendingDrop.database(db.getKey(), db.getValue()));
            }
        }
        for (Map.Entry<String, String> db : result.databases().entrySet()) {
            if (!isBlocked(db.getKey()) && !databases.containsKey(db.getKey())) {
                databases.put(db.getKey(), db.getValue());
            }
        }
        for (KnownShard found : result.shards().values()) {
            KnownShard before = known.get(found.splitId());
            if (before == null) {
                known.put(found.splitId(), found);
                unassigned.add(
                        ShardSplit.initial(
                                found.database(),
                                found.collection(),
                                found.collectionId(),
                                found.shard(),
                                found.leader()));
                LOG.info(
                        "New shard {} of {}/{} led by {}",
                        found.shard(),
                        found.database(),
                        found.collection(),
                        found.leader());
            } else if (!before.leader().equals(found.leader())) {
                known.put(found.splitId(), before.withLeader(found.leader()));
                LOG.info(
                        "Shard {} of {}/{}: leader moved from {} to {}",
                        found.shard(),
                        found.database(),
                        found.collection(),
                        before.leader(),
                        found.leader());
                updateUnassignedLeader(found);
                broadcast(new ShardEvent.LeaderChanged(found.splitId(), found.leader()));
            }
        }
        for (Iterator<KnownShard> it = known.values().iterator(); it.hasNext(); ) {
            KnownShard k = it.next();
            if (!result.shards().containsKey(k.splitId())) {
                it.remove();
                unassigned.removeIf(s -> s.splitId().equals(k.splitId()));
                broadcast(new ShardEvent.Dropped(k.splitId()));
                String name = k.database() + "/" + k.collection();
                if (!config.filter().includesCollection(k.database(), k.collection())) {
                    LOG.info("Shard {} of {} stops: the filter leaves it out", k.shard(), name);
                    if (config.filter().dropsExcluded() && !isBlocked(k.database())) {
                        addDrop(
                                PendingDrop.collection(
                                        k.database(), k.collection(), k.collectionId()));
                    }
                } else if (isBlocked(k.database())) {
                    LOG.info("Shard {} of {} stops: its database was dropped", k.shard(), name);
                } else if (!k.collectionId().equals(result.collections().get(name))) {
                    LOG.info("Shard {} of {} stops: the collection was dropped", k.shard(), name);
                    addDrop(PendingDrop.collection(k.database(), k.collection(), k.collectionId()));
                } else {
                    LOG.info("Shard {} of {} is gone at the source", k.shard(), name);
                }
            }
        }
        publishKnown();
        assignPending();
    }

    private boolean isBlocked(String name) {
        for (PendingDrop d : pendingDrops) {
            if (d.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void addDrop(PendingDrop drop) {
        if (!isBlocked(drop.name())) {
            pendingDrops.add(drop);
            LOG.info(
                    "{} {} (id {}) was dropped at the source; it is dropped on the destination"
                            + " after the next checkpoint",
                    drop.isDatabase() ? "Database" : "Collection",
                    drop.name(),
                    drop.identity());
        }
    }

    /** Drops on the destination what waited for a checkpoint up to {@code checkpointId}. */
    private void runDueDrops(long checkpointId) {
        for (PendingDrop drop : pendingDrops) {
            if (drop.checkpointId() < 0
                    || drop.checkpointId() > checkpointId
                    || !dropsRunning.add(drop.name())) {
                continue;
            }
            context.callAsync(
                    () -> {
                        if (drop.isDatabase()) {
                            applier.dropDatabase(drop.database());
                        } else {
                            applier.dropCollection(drop.database(), drop.collection());
                        }
                        return drop;
                    },
                    (done, error) -> onDropped(drop, error));
        }
    }

    private void onDropped(PendingDrop drop, Throwable error) {
        dropsRunning.remove(drop.name());
        if (error != null) {
            // Retried after the next checkpoint; the name stays blocked meanwhile.
            LOG.warn(
                    "Dropping {} on the destination failed; retrying after the next checkpoint:"
                            + " {}",
                    drop.name(),
                    error.toString());
            return;
        }
        pendingDrops.remove(drop);
        LOG.info("Dropped {} on the destination", drop.name());
        publishKnown();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        runDueDrops(checkpointId);
    }

    private void updateUnassignedLeader(KnownShard found) {
        for (int i = 0; i < unassigned.size(); i++) {
            ShardSplit s = unassigned.get(i);
            if (s.splitId().equals(found.splitId()) && s.phase() == ShardSplit.Phase.SNAPSHOT) {
                unassigned.set(
                        i,
                        new ShardSplit(
                                s.database(),
                                s.collection(),
                                s.collectionId(),
                                s.shard(),
                                found.leader(),
                                s.shardGuid(),
                                s.phase(),
                                s.epoch(),
                                s.tailFrom()));
            }
        }
    }

    private void broadcast(ShardEvent event) {
        for (Integer reader : context.registeredReaders().keySet()) {
            context.sendEventToSourceReader(reader, event);
        }
    }

    private void assignPending() {
        if (unassigned.isEmpty() || context.registeredReaders().isEmpty()) {
            return;
        }
        Map<Integer, List<ShardSplit>> assignment = new HashMap<>();
        for (Iterator<ShardSplit> it = unassigned.iterator(); it.hasNext(); ) {
            ShardSplit split = it.next();
            int reader = readerFor(split);
            if (context.registeredReaders().containsKey(reader)) {
                assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(split);
                it.remove();
            }
        }
        if (!assignment.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
    }

    /** Shards led by the same DB-server go to the same reader, which tails that server once. */
    private int readerFor(ShardSplit split) {
        int parallelism = context.currentParallelism();
        int index = servers.indexOf(split.leader());
        int slot = index >= 0 ? index : Math.abs(split.leader().hashCode());
        return slot % parallelism;
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed when discovered; readers never ask.
    }

    @Override
    public void addSplitsBack(List<ShardSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        // Readers get every Dropped event sent so far before this checkpoint's barrier, so the
        // old splits are stopped in it: a pending drop is due once this checkpoint completes.
        pendingDrops.replaceAll(d -> d.checkpointId() < 0 ? d.atCheckpoint(checkpointId) : d);
        return new EnumeratorState(
                new LinkedHashMap<>(known),
                new ArrayList<>(unassigned),
                new LinkedHashMap<>(databases),
                new ArrayList<>(pendingDrops));
    }

    @Override
    public void close() {
        if (applier != null) {
            applier.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
