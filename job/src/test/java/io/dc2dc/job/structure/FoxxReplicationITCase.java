package io.dc2dc.job.structure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Foxx services ({@code _apps} metadata and {@code _appbundles} bundles, from which a real
 * destination's coordinators install the same services at the same mounts) and Foxx queues and jobs
 * ({@code _queues}, {@code _jobs}) replicate as data. The emulator does not install services, so
 * the test writes the documents a Foxx install, upgrade and uninstall writes, and checks that
 * {@code GET /_api/foxx} lists the same mounts on both sides and the documents are equal.
 */
class FoxxReplicationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVICES = Set.of("_apps", "_appbundles");
    private static final Set<String> QUEUES = Set.of("_queues", "_jobs");

    @Test
    void foxxServicesQueuesAndJobsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 59);
        Http h = w.http();
        w.createDatabase("web");
        w.createCollection("web", "pages", 2, false);
        w.insertMany("web", "pages", "p", 30, 10);
        install(h, "web", "/shop", "shop", "1.0.0", "c1");
        install(h, "_system", "/hello", "hello", "0.1.0", "c2");
        h.call("POST", "/_api/document/_queues", "{\"_key\":\"default\",\"maxWorkers\":2}");
        job(h, "j1", "pending");
        JobClient job = clusters.start(2);
        try {
            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(source, destination, SERVICES, 4, TIMEOUT);

            // upgrade /shop (new bundle, new configuration), install /admin, uninstall /hello
            install(h, "web", "/shop", "shop", "1.1.0", "c3");
            h.call("DELETE", "/_db/web/_api/document/_appbundles/c1", null);
            install(h, "web", "/admin", "admin", "2.0.0", "c4");
            h.call("DELETE", "/_api/document/_apps/" + appKey("/hello"), null);
            h.call("DELETE", "/_api/document/_appbundles/c2", null);
            // a job runs and completes, another is queued, a queue is added
            h.call(
                    "PATCH",
                    "/_api/document/_jobs/j1",
                    "{\"status\":\"complete\",\"runs\":1,\"runFailures\":0}");
            job(h, "j2", "pending");
            h.call("POST", "/_api/document/_queues", "{\"_key\":\"mail\",\"maxWorkers\":1}");

            MetadataChecks.awaitSameStructure(source, destination, TIMEOUT);
            MetadataChecks.awaitSameDocuments(source, destination, SERVICES, 4, TIMEOUT);
            Replication.awaitEqual(source, destination, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void foxxQueuesAndJobsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 61);
        Http h = w.http();
        w.createCollection("_system", "plain", 1, false);
        w.insertMany("_system", "plain", "p", 10, 10);
        h.call("POST", "/_api/document/_queues", "{\"_key\":\"default\",\"maxWorkers\":2}");
        job(h, "j1", "pending");
        JobClient job = clusters.start(2);
        try {
            MetadataChecks.awaitSameDocuments(source, destination, QUEUES, 2, TIMEOUT);
            h.call(
                    "PATCH",
                    "/_api/document/_jobs/j1",
                    "{\"status\":\"complete\",\"runs\":1,\"runFailures\":0}");
            job(h, "j2", "pending");
            h.call("POST", "/_api/document/_queues", "{\"_key\":\"mail\",\"maxWorkers\":1}");
            MetadataChecks.awaitSameDocuments(source, destination, QUEUES, 4, TIMEOUT);
            Replication.awaitEqual(source, destination, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }

    /** Writes the service's metadata and bundle the way a Foxx install or upgrade stores them. */
    private static void install(
            Http h, String db, String mount, String name, String version, String checksum) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("_key", checksum);
        bundle.put(
                "data",
                Base64.getEncoder().encodeToString(("zip of " + name + " " + version).getBytes()));
        h.call("POST", "/_db/" + db + "/_api/document/_appbundles", bundle);
        ObjectNode app = JSON.createObjectNode();
        app.put("_key", appKey(mount));
        app.put("mount", mount);
        app.put("checksum", checksum);
        ObjectNode manifest = app.putObject("manifest");
        manifest.put("name", name);
        manifest.put("version", version);
        manifest.putObject("provides");
        ObjectNode options = app.putObject("options");
        options.putObject("configuration").put("greeting", "hi from " + version);
        options.putObject("dependencies");
        app.put("development", false);
        app.put("legacy", false);
        h.call("POST", "/_db/" + db + "/_api/document/_apps?overwriteMode=replace", app);
    }

    private static void job(Http h, String key, String status) {
        ObjectNode job = JSON.createObjectNode();
        job.put("_key", key);
        job.put("queue", "default");
        job.putObject("type").put("name", "sendMail").put("mount", "/hello");
        job.put("status", status);
        job.putObject("data").put("to", "someone@example.com");
        job.put("created", 1_700_000_000_000L);
        job.put("delayUntil", 1_700_000_000_000L);
        job.put("runs", 0);
        job.put("maxFailures", 0);
        job.putArray("failures");
        h.call("POST", "/_api/document/_jobs", job);
    }

    /** Foxx keys a service's document by its mount. */
    private static String appKey(String mount) {
        return mount.substring(1);
    }
}
