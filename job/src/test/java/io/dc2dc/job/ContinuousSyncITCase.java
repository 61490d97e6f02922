package io.dc2dc.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of change a running replication must follow, each ending with "the destination equals
 * the source": partial updates with {@code keepNull}/{@code mergeObjects}, array operations, stream
 * transactions, documents of 4 MB, keys with every allowed special character, unicode content.
 */
class ContinuousSyncITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path checkpoints;
    private static Emulator source;
    private static Emulator destination;
    private static JobClient job;
    private static Workload w;

    @BeforeAll
    static void startReplication() throws Exception {
        source = Emulator.start(EmulatorConfig.builder().dbServers(3).build());
        destination = Emulator.start(EmulatorConfig.builder().dbServers(3).build());
        w = new Workload(source.coordinatorUrl(), 11);
        w.createDatabase("app");
        w.createCollection("app", "docs", 3, false);
        w.createCollection("app", "links", 2, true);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(Replication.flink(checkpoints));
        env.setParallelism(2);
        Configuration options = Replication.options(source, destination);
        Pipeline.build(env, JobConfig.from(options, 2));
        job = env.executeAsync("dc2dc-continuous-it");
    }

    @AfterAll
    static void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        source.close();
        destination.close();
    }

    private static Http http() {
        return w.http();
    }

    @Test
    void partialUpdatesWithKeepNullAndMergeObjects() {
        http().call(
                        "POST",
                        "/_db/app/_api/document/docs",
                        "{\"_key\":\"p1\",\"a\":1,\"b\":2,\"obj\":{\"x\":1,\"y\":2}}");
        http().call(
                        "PATCH",
                        "/_db/app/_api/document/docs/p1?keepNull=false",
                        "{\"b\":null,\"c\":3}");
        http().call(
                        "PATCH",
                        "/_db/app/_api/document/docs/p1?mergeObjects=false",
                        "{\"obj\":{\"z\":9}}");
        http().call("PATCH", "/_db/app/_api/document/docs/p1?keepNull=true", "{\"n\":null}");
        http().call("PUT", "/_db/app/_api/document/docs/p1", "{\"replaced\":true}");
        Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
    }

    @Test
    void arrayOperationsAndStreamTransactions() {
        List<ObjectNode> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(w.document("t" + i, 30));
        }
        w.insert("app", "docs", docs);
        http().call(
                        "DELETE",
                        "/_db/app/_api/document/docs",
                        "[{\"_key\":\"t1\"},{\"_key\":\"t2\"},\"t3\"]");
        http().call(
                        "PATCH",
                        "/_db/app/_api/document/docs",
                        "[{\"_key\":\"t4\",\"u\":1},{\"_key\":\"t5\",\"u\":2}]");
        String trx =
                http().call(
                                "POST",
                                "/_db/app/_api/transaction/begin",
                                "{\"collections\":{\"write\":[\"docs\",\"links\"]}}")
                        .path("result")
                        .path("id")
                        .asText();
        Http inTrx = http().withHeader("x-arango-trx-id", trx);
        inTrx.call("POST", "/_db/app/_api/document/docs", "{\"_key\":\"tx1\",\"v\":1}");
        inTrx.call("PATCH", "/_db/app/_api/document/docs/t6", "{\"v\":2}");
        inTrx.call("DELETE", "/_db/app/_api/document/docs/t7", null);
        inTrx.call(
                "POST",
                "/_db/app/_api/document/links",
                "{\"_key\":\"l1\",\"_from\":\"docs/t8\",\"_to\":\"docs/t9\"}");
        http().call("PUT", "/_db/app/_api/transaction/" + trx, null);
        Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
    }

    @Test
    void largeDocumentsSpecialKeysAndUnicode() {
        ObjectNode big = w.document("big-4mb", 4 * 1024 * 1024 - 200);
        w.insert("app", "docs", List.of(big));
        String special = "_-:.@()+,=;$!*'%";
        List<ObjectNode> docs = new ArrayList<>();
        for (int i = 0; i < special.length(); i++) {
            docs.add(w.document("k" + special.charAt(i) + i, 10));
        }
        docs.add(w.document(special, 10));
        ObjectNode unicode = w.document("unicode", 0);
        unicode.put("text", "Grüße, 你好, Здравствуйте, مرحبا, 🙂🚀, \u0000 nul, \"quotes\"\n");
        docs.add(unicode);
        w.insert("app", "docs", docs);
        http().call("DELETE", "/_db/app/_api/document/docs", "[\"k%15\",\"k'14\"]");
        w.update("app", "docs", "big-4mb", Map.of("touched", true), true);
        Replication.awaitEqual(source, destination, Duration.ofSeconds(90));
    }
}
