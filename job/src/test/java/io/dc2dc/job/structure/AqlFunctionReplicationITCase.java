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
 * AQL user functions replicate as the data of {@code _aqlfunctions}: functions registered before
 * the start, and functions registered, replaced and deleted (one and a whole namespace) through
 * {@code /_api/aqlfunction} while the job runs, in {@code _system} and in another database.
 */
class AqlFunctionReplicationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aqlFunctionsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 53);
        Http h = w.http();
        w.createDatabase("calc");
        w.createCollection("calc", "numbers", 2, false);
        w.insertMany("calc", "numbers", "n", 50, 10);
        register(h, "calc", "geo::distance", "function (a, b) { return Math.abs(a - b); }", true);
        register(h, "calc", "tmp::one", "function () { return 1; }", true);
        register(h, "calc", "tmp::two", "function () { return 2; }", true);
        register(h, "_system", "util::id", "function (x) { return x; }", true);
        JobClient job = clusters.start(2);
        try {
            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(
                    source, destination, Set.of("_aqlfunctions"), 4, TIMEOUT);

            register(h, "calc", "geo::area", "function (r) { return Math.PI * r * r; }", true);
            register(h, "calc", "geo::distance", "(a, b) => Math.sqrt(a * a + b * b)", false);
            h.call("DELETE", "/_db/calc/_api/aqlfunction/tmp?group=true", null);
            h.call("DELETE", "/_api/aqlfunction/util::id", null);
            register(h, "_system", "util::twice", "function (x) { return 2 * x; }", true);

            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(
                    source, destination, Set.of("_aqlfunctions"), 3, TIMEOUT);
            Replication.awaitEqual(source, destination, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }

    private static void register(
            Http h, String db, String name, String code, boolean deterministic) {
        h.call(
                "POST",
                "/_db/" + db + "/_api/aqlfunction",
                java.util.Map.of("name", name, "code", code, "isDeterministic", deterministic));
    }
}
