package io.dc2dc.job;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.ordering.OrderingOperator;
import io.dc2dc.job.serde.ChangeEventTypeInfo;
import io.dc2dc.sink.DestinationSink;
import io.dc2dc.source.ArangoSource;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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
}
