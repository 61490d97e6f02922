package io.dc2dc.job.ordering;

import io.dc2dc.arango.model.ChangeEvent;
import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed ordering stage: keeps, per document (keyed by {@link ChangeEvent#routingKey}), the
 * newest revision applied and tombstones of removals, and forwards only changes that are newer (see
 * {@link OrderingRules}). This makes the pipeline insensitive to the interleaving of snapshot and
 * tail, to re-snapshots, and to replay after a restore.
 *
 * <p>A {@link ChangeEvent.Kind#SWEEP} event ends a snapshot of one shard: every live document of
 * that shard that the snapshot did not see is removed. The source sends one sweep to every subtask
 * of this operator, after the last row of the snapshot on the same channel, so the sweep sees every
 * row of its snapshot. Tombstones are forgotten after {@code tombstoneTtl} by a processing-time
 * timer.
 *
 * <p>Runs on the task thread only; state lives in the configured keyed state backend (RocksDB).
 */
public final class OrderingOperator extends AbstractStreamOperator<ChangeEvent>
        implements OneInputStreamOperator<ChangeEvent, ChangeEvent>,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OrderingOperator.class);

    /** The per-document state; its serializer migrates state of the earlier POJO format. */
    static final ValueStateDescriptor<DocState> STATE =
            new ValueStateDescriptor<>("doc-state", DocStateSerializer.INSTANCE);

    private final long tombstoneTtlMillis;
    private final int generation;

    private transient ValueState<DocState> state;
    private transient InternalTimerService<VoidNamespace> tombstoneTimers;
    private transient Counter forwarded;
    private transient Counter dropped;
    private transient Counter swept;

    /**
     * @param generation the job's {@code sync.generation}, stamped on the state it writes
     */
    public OrderingOperator(Duration tombstoneTtl, int generation) {
        this.tombstoneTtlMillis = tombstoneTtl.toMillis();
        this.generation = generation;
    }

    @Override
    public void open() throws Exception {
        super.open();
        state = getRuntimeContext().getState(STATE);
        tombstoneTimers =
                getInternalTimerService("tombstones", VoidNamespaceSerializer.INSTANCE, this);
        forwarded = getMetricGroup().counter("changesForwarded");
        dropped = getMetricGroup().counter("changesDropped");
        swept = getMetricGroup().counter("documentsSwept");
    }

    @Override
    public void processElement(StreamRecord<ChangeEvent> record) throws Exception {
        ChangeEvent e = record.getValue();
        if (e.kind == ChangeEvent.Kind.SWEEP) {
            sweep(e);
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        DocState current = state.value();
        OrderingRules.Decision d =
                OrderingRules.decide(current, e, now + tombstoneTtlMillis, generation);
        if (d.next() != current) {
            d.next().generation = generation;
            if (d.next().removed && d.next().expiresAt == now + tombstoneTtlMillis) {
                tombstoneTimers.registerProcessingTimeTimer(
                        VoidNamespace.INSTANCE, d.next().expiresAt);
            }
            state.update(d.next());
        }
        if (d.forward()) {
            forwarded.inc();
            output.collect(record);
        } else {
            dropped.inc();
        }
    }

    private void sweep(ChangeEvent fence) throws Exception {
        long expiresAt = getProcessingTimeService().getCurrentProcessingTime() + tombstoneTtlMillis;
        long[] count = {0};
        getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        STATE,
                        (Object key, ValueState<DocState> s) -> {
                            DocState doc = s.value();
                            if (doc == null || !OrderingRules.sweeps(doc, fence)) {
                                return;
                            }
                            String routingKey = (String) key;
                            ChangeEvent removal = new ChangeEvent();
                            removal.kind = ChangeEvent.Kind.REMOVE;
                            removal.database = fence.database;
                            removal.collection = fence.collection;
                            removal.collectionId = fence.collectionId;
                            removal.shard = fence.shard;
                            removal.key = documentKey(routingKey, fence);
                            removal.revision = doc.revision;
                            removal.epoch = fence.epoch;
                            removal.routingKey = routingKey;
                            DocState tombstone =
                                    DocState.tombstone(
                                            doc.revision,
                                            doc.shard,
                                            doc.collectionId,
                                            fence.epoch,
                                            expiresAt);
                            tombstone.generation = generation;
                            s.update(tombstone);
                            tombstoneTimers.registerProcessingTimeTimer(
                                    VoidNamespace.INSTANCE, expiresAt);
                            output.collect(new StreamRecord<>(removal));
                            count[0]++;
                        });
        swept.inc(count[0]);
        if (count[0] > 0) {
            LOG.info(
                    "Sweep of {}/{} shard {} epoch {} removed {} documents the snapshot no longer"
                            + " had",
                    fence.database,
                    fence.collection,
                    fence.shard,
                    fence.epoch,
                    count[0]);
        }
    }

    private static String documentKey(String routingKey, ChangeEvent fence) {
        String prefix = ChangeEvent.documentRoutingKey(fence.database, fence.collection, "");
        return routingKey.substring(prefix.length());
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        DocState doc = state.value();
        if (doc != null && doc.removed && doc.expiresAt <= timer.getTimestamp()) {
            state.clear();
        }
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) {
        // No event-time timers are registered.
    }
}
