package io.dc2dc.job;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.ordering.OrderingOperator;
import io.dc2dc.job.ordering.OrderingStateOptions;
import io.dc2dc.job.serde.ChangeEventTypeInfo;
import io.dc2dc.sink.DestinationSink;
import io.dc2dc.source.ArangoSource;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds the job graph, the only place that does: source → keyBy(database, collection, key) →
 * ordering stage → sink, with stable uids.
 */
public final class Pipeline {

    private Pipeline() {}

    public static void build(StreamExecutionEnvironment env, JobConfig config) {
        build(env, config, UnaryOperator.identity());
    }

    /**
     * Builds the job with {@code beforeSink} applied to the ordered stream; tests use it to inject
     * failures. It must add only stateless operators.
     */
    public static void build(
            StreamExecutionEnvironment env,
            JobConfig config,
            UnaryOperator<DataStream<ChangeEvent>> beforeSink) {
        tuneStateBackend(env);
        // Hand-written serializer: cheaper than Flink's reflective POJO serializer (issue 3).
        TypeInformation<ChangeEvent> type = ChangeEventTypeInfo.INSTANCE;
        ArangoSource source =
                new ArangoSource(
                        config.source(),
                        new StructureWiring(
                                config.source().cluster(),
                                config.sink().cluster(),
                                config.structure()));
        DataStream<ChangeEvent> changes =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "source cluster", type)
                        .uid(Uids.source(config.generation()));
        DataStream<ChangeEvent> ordered =
                changes.keyBy(e -> e.routingKey, Types.STRING)
                        .transform(
                                "ordering",
                                type,
                                new OrderingOperator(config.tombstoneTtl(), config.generation()))
                        .uid(Uids.ORDERING)
                        .setParallelism(config.source().orderingParallelism())
                        .setMaxParallelism(config.maxParallelism());
        beforeSink
                .apply(ordered)
                .sinkTo(new DestinationSink(config.sink()))
                .uid(Uids.SINK)
                .name("destination cluster")
                .setParallelism(config.source().orderingParallelism());
    }

    /**
     * Tunes RocksDB for the ordering state unless the Flink configuration decides otherwise: bloom
     * filters in the sorted files ({@code state.backend.rocksdb.use-bloom-filter}) and in the
     * memtables ({@link OrderingStateOptions} as {@code state.backend.rocksdb.options-factory}).
     * The ordering stage looks up every change's document; during an initial sync almost every
     * lookup is for a document it has never seen, and without filters such a miss searched the
     * memtable and the index of every sorted file RocksDB holds. The sorted files' filters cut the
     * job's CPU for an initial sync of 1,000,000 documents by about 15 %, the memtable's a further
     * share (README, Performance).
     */
    static void tuneStateBackend(StreamExecutionEnvironment env) {
        Configuration tuning = new Configuration();
        if (env.getConfiguration()
                .getOptional(RocksDBConfigurableOptions.USE_BLOOM_FILTER)
                .isEmpty()) {
            tuning.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        }
        if (env.getConfiguration().getOptional(RocksDBOptions.OPTIONS_FACTORY).isEmpty()) {
            tuning.set(RocksDBOptions.OPTIONS_FACTORY, OrderingStateOptions.class.getName());
        }
        env.configure(tuning);
    }
}
