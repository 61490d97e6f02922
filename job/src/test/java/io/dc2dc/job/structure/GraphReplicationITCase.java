package io.dc2dc.job.structure;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Named graphs replicate as the data of {@code _graphs} (with the collections they create as
 * ordinary collections): graphs with edge definitions and orphans that exist at the start, and
 * graphs created, extended, changed and dropped through {@code /_api/gharial} while the job runs,
 * including satellite graphs, and smart/disjoint graphs as an enterprise cluster accepts them.
 */
class GraphReplicationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void graphsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 41);
        Http h = w.http();
        w.createDatabase("net");
        h.call(
                "POST",
                "/_db/net/_api/gharial",
                "{\"name\":\"social\",\"edgeDefinitions\":[{\"collection\":\"knows\","
                        + "\"from\":[\"people\"],\"to\":[\"people\"]}],"
                        + "\"orphanCollections\":[\"places\"],"
                        + "\"options\":{\"numberOfShards\":2,\"replicationFactor\":2}}");
        h.call(
                "POST",
                "/_db/net/_api/gharial",
                "{\"name\":\"old\",\"edgeDefinitions\":[{\"collection\":\"oldEdges\","
                        + "\"from\":[\"oldVertices\"],\"to\":[\"oldVertices\"]}]}");
        w.insertMany("net", "people", "p", 50, 10);
        h.call(
                "POST",
                "/_db/net/_api/gharial/social/edge/knows",
                "{\"_key\":\"e1\",\"_from\":\"people/p1\",\"_to\":\"people/p2\"}");
        JobClient job = clusters.start(2);
        try {
            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(source, destination, Set.of("_graphs"), 2, TIMEOUT);

            // extended: another edge definition and an orphan; changed: an edge definition
            h.call(
                    "POST",
                    "/_db/net/_api/gharial/social/edge",
                    "{\"collection\":\"livesIn\",\"from\":[\"people\"],\"to\":[\"places\"]}");
            h.call("POST", "/_db/net/_api/gharial/social/vertex", "{\"collection\":\"things\"}");
            h.call(
                    "PUT",
                    "/_db/net/_api/gharial/social/edge/knows",
                    "{\"collection\":\"knows\",\"from\":[\"people\"],"
                            + "\"to\":[\"people\",\"things\"]}");
            // created: a satellite graph
            h.call(
                    "POST",
                    "/_db/net/_api/gharial",
                    "{\"name\":\"catalog\",\"edgeDefinitions\":[{\"collection\":\"partOf\","
                            + "\"from\":[\"parts\"],\"to\":[\"parts\"]}],"
                            + "\"options\":{\"replicationFactor\":\"satellite\"}}");
            // dropped, with its collections
            h.call("DELETE", "/_db/net/_api/gharial/old?dropCollections=true", null);

            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(source, destination, Set.of("_graphs"), 2, TIMEOUT);
            Replication.awaitEqual(source, destination, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void smartGraphsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 43);
        Http h = w.http();
        w.createDatabase("net");
        w.createCollection("net", "plain", 1, false);
        w.insertMany("net", "plain", "p", 10, 10);
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(source, destination, TIMEOUT);
            h.call(
                    "POST",
                    "/_db/net/_api/gharial",
                    "{\"name\":\"regions\",\"isSmart\":true,\"isDisjoint\":true,"
                            + "\"edgeDefinitions\":[{\"collection\":\"roads\","
                            + "\"from\":[\"towns\"],\"to\":[\"towns\"]}],"
                            + "\"options\":{\"smartGraphAttribute\":\"region\","
                            + "\"numberOfShards\":2,\"replicationFactor\":2}}");
            h.call(
                    "POST",
                    "/_db/net/_api/gharial/regions/vertex/towns",
                    "{\"_key\":\"north:t1\",\"region\":\"north\"}");
            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(source, destination, Set.of("_graphs"), 1, TIMEOUT);
            Replication.awaitEqual(source, destination, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }
}
