package io.dc2dc.source.enumerator;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.source.SourceConfig;
import io.dc2dc.source.split.ShardEvent;
import io.dc2dc.source.split.ShardSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    }

    @Override
    public void start() {
        client = ArangoClient.connect(config.cluster());
        applier = applierFactory.create();
        context.callAsync(
                () -> Discovery.discover(client, applier),
                this::onDiscovered,
                0,
                config.discoveryInterval().toMillis());
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
                LOG.info(
                        "Shard {} of {}/{} is gone at the source",
                        k.shard(),
                        k.database(),
                        k.collection());
                broadcast(new ShardEvent.Dropped(k.splitId()));
            }
        }
        assignPending();
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
        return new EnumeratorState(new LinkedHashMap<>(known), new ArrayList<>(unassigned));
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
