package io.dc2dc.job.structure;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Analyzers and views (arangosearch with links, search-alias over inverted indexes) follow the
 * source through their APIs: those that exist at the start, and analyzers and views created,
 * changed, re-created and dropped while the job runs, including a link to a collection created in
 * the same moment.
 */
class AnalyzerAndViewReplicationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void analyzersAndViewsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 47);
        Http h = w.http();
        w.createDatabase("lib");
        w.createCollection("lib", "books", 2, false);
        w.insertMany("lib", "books", "b", 100, 10);
        h.call(
                "POST",
                "/_db/lib/_api/index?collection=books",
                "{\"type\":\"inverted\",\"name\":\"byText\",\"fields\":[\"text\"]}");
        h.call(
                "POST",
                "/_db/lib/_api/analyzer",
                "{\"name\":\"words\",\"type\":\"text\",\"properties\":{\"locale\":\"en\"},"
                        + "\"features\":[\"frequency\",\"position\"]}");
        h.call(
                "POST",
                "/_api/analyzer",
                "{\"name\":\"shared\",\"type\":\"delimiter\",\"properties\":{\"delimiter\":\"|\"}}");
        h.call(
                "POST",
                "/_db/lib/_api/view",
                "{\"name\":\"fullText\",\"type\":\"arangosearch\",\"primarySort\":"
                        + "[{\"field\":\"n\",\"asc\":false}],\"links\":{\"books\":{\"fields\":"
                        + "{\"text\":{\"analyzers\":[\"words\"]}}}}}");
        h.call(
                "POST",
                "/_db/lib/_api/view",
                "{\"name\":\"alias\",\"type\":\"search-alias\","
                        + "\"indexes\":[{\"collection\":\"books\",\"index\":\"byText\"}]}");
        h.call("POST", "/_db/lib/_api/view", "{\"name\":\"doomed\",\"type\":\"arangosearch\"}");
        JobClient job = clusters.start(2);
        try {
            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);

            // a new collection with a link to it, a new analyzer used by it, a changed setting
            w.createCollection("lib", "films", 1, false);
            w.insertMany("lib", "films", "f", 20, 10);
            h.call(
                    "POST",
                    "/_db/lib/_api/analyzer",
                    "{\"name\":\"tags\",\"type\":\"delimiter\",\"properties\":{\"delimiter\":\",\"}}");
            h.call(
                    "PATCH",
                    "/_db/lib/_api/view/fullText/properties",
                    "{\"consolidationIntervalMsec\":12000,\"links\":{\"films\":{\"fields\":"
                            + "{\"tags\":{\"analyzers\":[\"tags\"]}}}}}");
            // an analyzer replaced under its name while a view uses it
            h.call("DELETE", "/_db/lib/_api/analyzer/words?force=true", null);
            h.call(
                    "POST",
                    "/_db/lib/_api/analyzer",
                    "{\"name\":\"words\",\"type\":\"text\",\"properties\":{\"locale\":\"de\"},"
                            + "\"features\":[\"frequency\"]}");
            // a search-alias view over an index created now; one view re-created, one dropped
            h.call(
                    "POST",
                    "/_db/lib/_api/index?collection=films",
                    "{\"type\":\"inverted\",\"name\":\"byN\",\"fields\":[\"n\"]}");
            h.call(
                    "PATCH",
                    "/_db/lib/_api/view/alias/properties",
                    "{\"indexes\":[{\"collection\":\"films\",\"index\":\"byN\"}]}");
            h.call("DELETE", "/_db/lib/_api/view/fullText", null);
            h.call(
                    "POST",
                    "/_db/lib/_api/view",
                    "{\"name\":\"fullText\",\"type\":\"arangosearch\",\"primarySort\":"
                            + "[{\"field\":\"n\",\"asc\":true}],\"links\":{\"books\":{}}}");
            h.call("DELETE", "/_db/lib/_api/view/doomed", null);
            h.call("DELETE", "/_api/analyzer/shared", null);

            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            Replication.awaitEqual(source, destination, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }
}
