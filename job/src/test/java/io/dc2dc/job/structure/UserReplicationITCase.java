package io.dc2dc.job.structure;

import static io.dc2dc.job.structure.UserClusters.basic;
import static io.dc2dc.job.structure.UserClusters.jwtLogin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.http.ApiPath;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.check.ContentDiff;
import io.dc2dc.job.check.StructureDiff;
import io.dc2dc.job.check.StructureSnapshot;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users and permissions follow the source while the job runs: users created (with passwords and
 * extra data) before and during the run, database and collection grants and revokes, a password
 * change, a deactivation and a removal. Afterwards the structure check finds nothing different,
 * every user logs in to the destination (basic auth and {@code /_open/auth}) exactly where it logs
 * in to the source and is refused with the same status where the source refuses it, a read-only
 * grant stops writes, and the destination's root keeps its own password (the job logs in with it).
 */
class UserReplicationITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final UserClusters clusters = new UserClusters();

    @Test
    void usersAndPermissionsFollowTheSource() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        try (ArangoClient s = clusters.sourceClient();
                ArangoClient d = clusters.destinationClient()) {
            s.createDatabase("shop", null);
            s.createCollection("shop", object("{'name':'orders','numberOfShards':2}"));
            insert(s, 0, 200);
            createUser(s, "alice", "alice-1", "{'team':'red','level':3}");
            grant(s, "alice", "shop", "rw");
            createUser(s, "reader", "reader-1", "{}");
            grant(s, "reader", "shop", "ro");
            createUser(s, "sleeper", "sleeper-1", "{}");
            grant(s, "sleeper", "shop", "rw");
            createUser(s, "leaver", "leaver-1", "{}");
            grant(s, "leaver", "shop", "ro");

            JobClient job = clusters.start(conf -> {});
            try {
                awaitSameContents(s, d);
                awaitSameStructure(s, d);

                // changes while the job runs
                createUser(s, "late@app", "late-1", "{'note':'created live'}");
                grant(s, "late@app", "shop", "rw");
                s.send(
                        "PUT",
                        "_system",
                        "/_api/user/late%40app/database/shop/orders",
                        object("{'grant':'ro'}"));
                s.send(
                        "PUT",
                        "_system",
                        "/_api/user/alice/database/shop/orders",
                        object("{'grant':'ro'}"));
                s.send("DELETE", "_system", "/_api/user/alice/database/shop/orders", null);
                grant(s, "alice", "_system", "ro");
                s.send("DELETE", "_system", "/_api/user/alice/database/_system", null);
                grant(s, "reader", "*", "ro");
                s.send("PATCH", "_system", "/_api/user/alice", object("{'passwd':'alice-2'}"));
                s.send("PATCH", "_system", "/_api/user/sleeper", object("{'active':false}"));
                s.send("DELETE", "_system", "/_api/user/leaver", null);
                insert(s, 200, 100);

                awaitSameStructure(s, d);
                awaitSameContents(s, d);

                assertLoginsMatch(
                        source,
                        destination,
                        List.of(
                                new Login("alice", "alice-2", 200),
                                new Login("alice", "alice-1", 401),
                                new Login("late@app", "late-1", 200),
                                new Login("late@app", "wrong", 401),
                                new Login("reader", "reader-1", 200),
                                new Login("sleeper", "sleeper-1", 401),
                                new Login("leaver", "leaver-1", 401),
                                new Login("nobody", "x", 401)));

                // a read-only grant stops writes on the destination as on the source
                String doc = "{\"_key\":\"from-reader\"}";
                assertThat(basic(destination, "reader", "reader-1", "POST", orders(), doc))
                        .isEqualTo(basic(source, "reader", "reader-1", "POST", orders(), doc))
                        .isEqualTo(403);
                assertThat(basic(destination, "reader", "reader-1", "GET", shopVersion(), null))
                        .isEqualTo(200);
                // so does a read-only grant on the collection, with read-write on the database
                String late = "{\"_key\":\"from-late\"}";
                assertThat(basic(destination, "late@app", "late-1", "POST", orders(), late))
                        .isEqualTo(basic(source, "late@app", "late-1", "POST", orders(), late))
                        .isEqualTo(403);
                assertThat(d.get("_system", "/_api/user").path("result").toString())
                        .doesNotContain("\"leaver\"");

                // root is excluded by default: the destination's root keeps its password
                assertThat(
                                basic(
                                        destination,
                                        "root",
                                        UserClusters.DESTINATION_ROOT,
                                        "GET",
                                        shopVersion(),
                                        null))
                        .isEqualTo(200);
                assertThat(
                                basic(
                                        destination,
                                        "root",
                                        UserClusters.SOURCE_ROOT,
                                        "GET",
                                        shopVersion(),
                                        null))
                        .isEqualTo(401);
                assertThat(jwtLogin(destination, "root", UserClusters.DESTINATION_ROOT))
                        .isEqualTo(200);
            } finally {
                job.cancel().get();
            }
        }
    }

    private record Login(String user, String password, int expected) {}

    /** Each login is answered the same at both clusters, with the expected status. */
    private static void assertLoginsMatch(
            Emulator source, Emulator destination, List<Login> logins) {
        for (Login l : logins) {
            int viaBasic = basic(source, l.user(), l.password(), "GET", shopVersion(), null);
            int viaJwt = jwtLogin(source, l.user(), l.password());
            assertThat(viaBasic).as("source basic auth of %s", l).isEqualTo(l.expected());
            assertThat(viaJwt).as("source /_open/auth of %s", l).isEqualTo(l.expected());
            assertThat(basic(destination, l.user(), l.password(), "GET", shopVersion(), null))
                    .as("destination basic auth of %s", l)
                    .isEqualTo(viaBasic);
            assertThat(jwtLogin(destination, l.user(), l.password()))
                    .as("destination /_open/auth of %s", l)
                    .isEqualTo(viaJwt);
        }
    }

    private static String shopVersion() {
        return "/_db/shop/_api/version";
    }

    private static String orders() {
        return "/_db/shop/_api/document/orders";
    }

    private static void awaitSameStructure(ArangoClient s, ArangoClient d) {
        Waits.until(
                "the structure check to find the destination equal to the source",
                TIMEOUT,
                () -> structureDifferences(s, d).isEmpty(),
                () -> String.join("\n", structureDifferences(s, d)));
        assertThat(StructureSnapshot.read(d).keySet())
                .filteredOn(k -> k.startsWith("user ") || k.startsWith("permission "))
                .hasSizeGreaterThan(2);
    }

    private static List<String> structureDifferences(ArangoClient s, ArangoClient d) {
        return StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(d)).differences();
    }

    private static void awaitSameContents(ArangoClient s, ArangoClient d) {
        Waits.until(
                "the destination's documents to equal the source's",
                TIMEOUT,
                () -> contentDiff(s, d).isEmpty(),
                () -> contentDiff(s, d).summary(20));
    }

    private static ContentDiff contentDiff(ArangoClient s, ArangoClient d) {
        return ContentDiff.of(ClusterContents.read(s), ClusterContents.read(d));
    }

    private static void insert(ArangoClient s, int from, int count) {
        ArrayNode docs = JSON.createArrayNode();
        for (int i = from; i < from + count; i++) {
            docs.addObject().put("_key", "o" + i).put("n", i);
        }
        s.send("POST", "shop", "/_api/document/orders", docs);
    }

    private static void createUser(ArangoClient s, String name, String password, String extra) {
        ObjectNode body = object("{}");
        body.put("user", name);
        body.put("passwd", password);
        body.set("extra", object(extra));
        s.send("POST", "_system", "/_api/user", body);
    }

    private static void grant(ArangoClient s, String user, String db, String level) {
        s.send(
                "PUT",
                "_system",
                "/_api/user/" + ApiPath.encode(user) + "/database/" + ApiPath.encode(db),
                object("{'grant':'" + level + "'}"));
    }

    private static ObjectNode object(String relaxed) {
        try {
            JsonNode n = JSON.readTree(relaxed.replace('\'', '"'));
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
