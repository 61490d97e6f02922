package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.job.ordering.DocState;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.DestinationWrites;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.api.StateBootstrapTransformation;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint whose ordering state was written with Flink's POJO serializer (dc2dc before the
 * hand-written {@code DocStateSerializer}) restores: the state is migrated, and documents it
 * records as already applied are not written again.
 */
class OrderingStateMigrationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();

    @RegisterExtension final Clusters clusters = new Clusters();

    @TempDir Path dir;

    @Test
    void ordersWithStateOfThePojoFormat() throws Exception {
        Workload source = new Workload(clusters.source().coordinatorUrl(), 5);
        source.createDatabase("m");
        source.createCollection("m", "docs", 2, false);
        List<String> keys = source.insertMany("m", "docs", "d", 100, 80);
        String collectionId =
                source.http().call("GET", "/_db/m/_api/collection/docs", null).get("id").asText();

        // 60 documents are already on the destination, with their source revisions, and the
        // savepoint's ordering state (POJO format) says so.
        Workload destination = new Workload(clusters.destination().coordinatorUrl(), 6);
        destination.createDatabase("m");
        destination.createCollection("m", "docs", 2, false);
        ArrayNode applied = Http.JSON.createArrayNode();
        List<Tuple2<String, Long>> state = new ArrayList<>();
        for (String key : keys.subList(0, 60)) {
            JsonNode doc = source.http().call("GET", "/_db/m/_api/document/docs/" + key, null);
            applied.add(doc);
            state.add(
                    Tuple2.of(
                            ChangeEvent.documentRoutingKey("m", "docs", key),
                            Revisions.decode(doc.get("_rev").asText())));
        }
        destination.http().call("POST", "/_db/m/_api/document/docs?isRestore=true", applied);
        String savepoint = writePojoSavepoint(state, collectionId);

        DestinationWrites writes = DestinationWrites.since(clusters.destination());
        JobClient job =
                clusters.startWith(
                        2, savepoint, o -> o.setString("filter.exclude-collections", "_.*"));
        try {
            Replication.awaitEqual(
                    clusters.source(), clusters.destination(), Duration.ofSeconds(60));
            assertThat(writes.count(2))
                    .as("documents written: only the 40 the migrated state does not know")
                    .isEqualTo(40);
        } finally {
            job.cancel().get();
        }
    }

    /** A savepoint holding only the ordering stage's state, as earlier versions wrote it. */
    private String writePojoSavepoint(List<Tuple2<String, Long>> applied, String collectionId)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(1);
        StateBootstrapTransformation<Tuple2<String, Long>> ordering =
                OperatorTransformation.bootstrapWith(
                                env.fromData(applied, Types.TUPLE(Types.STRING, Types.LONG)))
                        .keyBy(t -> t.f0, Types.STRING)
                        .transform(new PojoStateBootstrap(collectionId));
        String path = dir.resolve("pojo-savepoint").toUri().toString();
        SavepointWriter.newSavepoint(env, new EmbeddedRocksDBStateBackend(), 128)
                .withOperator(OperatorIdentifier.forUid(Uids.ORDERING), ordering)
                .write(path);
        env.execute("write a savepoint in the POJO state format");
        return path;
    }

    /** Writes each document's state with the serializer earlier versions used. */
    static final class PojoStateBootstrap
            extends KeyedStateBootstrapFunction<String, Tuple2<String, Long>> {

        private final String collectionId;
        private transient ValueState<DocState> state;

        PojoStateBootstrap(String collectionId) {
            this.collectionId = collectionId;
        }

        @Override
        public void open(OpenContext context) {
            state =
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>(
                                            "doc-state", TypeInformation.of(DocState.class)));
        }

        @Override
        public void processElement(Tuple2<String, Long> doc, Context context) throws Exception {
            DocState s = new DocState();
            s.revision = doc.f1;
            s.shard = "s0"; // not a shard of the source: no sweep touches these documents
            s.collectionId = collectionId;
            s.epoch = 0;
            state.update(s);
        }
    }
}
