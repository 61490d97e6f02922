package io.dc2dc.sink.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.arango.auth.SecretRef;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.TlsSpec;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UserSync} between two emulated clusters with authentication on, pass by pass: users arrive
 * with their password hashes and permissions and log in on the destination, changes and removals
 * follow, a pass over an equal destination writes nothing, a restarted sync re-applies once, and
 * root is left alone unless included.
 */
class UserSyncITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path secrets;
    private Emulator sourceCluster;
    private Emulator destinationCluster;
    private ArangoClient source;
    private ArangoClient destination;

    @BeforeEach
    void start() throws IOException {
        sourceCluster = cluster("source-secret", "source-root");
        destinationCluster = cluster("destination-secret", "destination-root");
        source = ArangoClient.connect(spec("source", sourceCluster, "source-secret"));
        destination =
                ArangoClient.connect(spec("destination", destinationCluster, "destination-secret"));
        source.createDatabase("shop", null);
        source.createCollection(
                "shop",
                (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"name\":\"orders\"}"));
        destination.createDatabase("shop", null);
        destination.createCollection(
                "shop",
                (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"name\":\"orders\"}"));
    }

    @AfterEach
    void stop() {
        source.close();
        destination.close();
        sourceCluster.close();
        destinationCluster.close();
    }

    @Test
    void usersArriveLogInAndAnEqualPassWritesNothing() {
        createUser("alice", "alice-pw", "{\"team\":\"a\"}");
        source.send(
                "PUT",
                "_system",
                "/_api/user/alice/database/shop/orders",
                json("{\"grant\":\"rw\"}"));
        UserSync sync = new UserSync(true);
        sync.sync(source, destination, List.of("shop"));

        assertThat(userOf(destination, "alice")).isEqualTo(userOf(source, "alice"));
        assertThat(permissionsOf(destination, "alice")).isEqualTo(permissionsOf(source, "alice"));
        assertThat(basic(destinationCluster, "alice", "alice-pw")).isEqualTo(200);
        assertThat(jwtLogin(destinationCluster, "alice", "alice-pw")).isEqualTo(200);
        assertThat(basic(destinationCluster, "alice", "wrong")).isEqualTo(401);
        assertThat(jwtLogin(destinationCluster, "alice", "wrong")).isEqualTo(401);
        // root is excluded: the destination's root keeps its password
        assertThat(basic(destinationCluster, "root", "destination-root")).isEqualTo(200);
        assertThat(basic(destinationCluster, "root", "source-root")).isEqualTo(401);

        // a grant on a database the destination does not have yet is kept and applies once the
        // database exists there
        source.createDatabase("later", null);
        source.send(
                "PUT", "_system", "/_api/user/alice/database/later", json("{\"grant\":\"rw\"}"));
        sync.sync(source, destination, List.of("shop", "later"));
        destination.createDatabase("later", null);
        assertThat(
                        destination
                                .get("_system", "/_api/user/alice/database/later")
                                .path("result")
                                .asText())
                .isEqualTo("rw");

        String before = destination.checksum("_system", "_users", true, true);
        sync.sync(source, destination, List.of("shop"));
        assertThat(destination.checksum("_system", "_users", true, true)).isEqualTo(before);
    }

    @Test
    void changesAndRemovalsFollow() {
        createUser("bob", "bob-pw", "{}");
        createUser("carol", "carol-pw", "{}");
        createUser("dave", "dave-pw", "{}");
        UserSync sync = new UserSync(true);
        sync.sync(source, destination, List.of("shop"));
        assertThat(basic(destinationCluster, "bob", "bob-pw")).isEqualTo(200);

        source.send("PATCH", "_system", "/_api/user/bob", json("{\"passwd\":\"bob-new\"}"));
        source.send("PATCH", "_system", "/_api/user/carol", json("{\"active\":false}"));
        source.send("DELETE", "_system", "/_api/user/dave", null);
        source.send("PUT", "_system", "/_api/user/bob/database/*", json("{\"grant\":\"rw\"}"));
        sync.sync(source, destination, List.of("shop"));

        assertThat(basic(destinationCluster, "bob", "bob-new")).isEqualTo(200);
        assertThat(basic(destinationCluster, "bob", "bob-pw")).isEqualTo(401);
        assertThat(permissionsOf(destination, "bob")).isEqualTo(permissionsOf(source, "bob"));
        assertThat(userOf(destination, "carol").path("active").asBoolean()).isFalse();
        assertThat(basic(destinationCluster, "carol", "carol-pw"))
                .isEqualTo(basic(sourceCluster, "carol", "carol-pw"))
                .isEqualTo(401);
        assertThat(names(destination)).containsExactlyInAnyOrder("root", "bob", "carol");
    }

    @Test
    void aRestartedSyncReappliesOnceThenWritesNothing() {
        createUser("erin", "erin-pw", "{}");
        new UserSync(true).sync(source, destination, List.of());
        String first = destination.checksum("_system", "_users", true, true);

        UserSync restarted = new UserSync(true);
        restarted.sync(source, destination, List.of());
        String reapplied = destination.checksum("_system", "_users", true, true);
        assertThat(reapplied).isNotEqualTo(first);
        restarted.sync(source, destination, List.of());
        assertThat(destination.checksum("_system", "_users", true, true)).isEqualTo(reapplied);
        assertThat(basic(destinationCluster, "erin", "erin-pw")).isEqualTo(200);
    }

    @Test
    void rootIsCopiedWhenNotExcluded() {
        new UserSync(false).sync(source, destination, List.of());
        assertThat(basic(destinationCluster, "root", "source-root")).isEqualTo(200);
        assertThat(basic(destinationCluster, "root", "destination-root")).isEqualTo(401);
    }

    @Test
    void aDestinationUserMissingAfterApplyIsWrittenAgain() {
        createUser("frank", "frank-pw", "{}");
        UserSync sync = new UserSync(true);
        sync.sync(source, destination, List.of());
        destination.send("DELETE", "_system", "/_api/user/frank", null);
        sync.sync(source, destination, List.of());
        assertThat(basic(destinationCluster, "frank", "frank-pw")).isEqualTo(200);
    }

    @Test
    void theUserTheJobLogsInAsIsNeverRemoved() throws IOException {
        destination.send(
                "POST",
                "_system",
                "/_api/user",
                json("{\"user\":\"replicator\",\"passwd\":\"rep\"}"));
        destination.send(
                "PUT", "_system", "/_api/user/replicator/database/*", json("{\"grant\":\"rw\"}"));
        destination.send(
                "POST", "_system", "/_api/user", json("{\"user\":\"stray\",\"passwd\":\"s\"}"));
        Path password = secrets.resolve("replicator.pw");
        Files.writeString(password, "rep");
        ClusterSpec asReplicator =
                new ClusterSpec(
                        "destination",
                        List.of(destinationCluster.coordinatorUrl()),
                        "replicator",
                        SecretRef.file(password.toString()),
                        SecretRef.none(),
                        TlsSpec.defaults(),
                        ClusterSpec.DEFAULT_REQUEST_TIMEOUT);
        try (ArangoClient viaBasicAuth = ArangoClient.connect(asReplicator)) {
            new UserSync(true).sync(source, viaBasicAuth, List.of());
        }
        assertThat(names(destination)).containsExactlyInAnyOrder("root", "replicator");
    }

    // ------------------------------------------------------------------ helpers

    private Emulator cluster(String secret, String rootPassword) {
        return Emulator.start(
                EmulatorConfig.builder()
                        .dbServers(2)
                        .jwtSecret(secret.getBytes(StandardCharsets.UTF_8))
                        .rootPassword(rootPassword)
                        .build());
    }

    private ClusterSpec spec(String name, Emulator cluster, String secret) throws IOException {
        Path file = secrets.resolve(name + ".jwt");
        Files.writeString(file, secret);
        return new ClusterSpec(
                name,
                List.of(cluster.coordinatorUrl()),
                "root",
                SecretRef.none(),
                SecretRef.file(file.toString()),
                TlsSpec.defaults(),
                ClusterSpec.DEFAULT_REQUEST_TIMEOUT);
    }

    /** A source user who may read database shop (basic-auth checks go there). */
    private void createUser(String name, String password, String extra) {
        source.send(
                "POST",
                "_system",
                "/_api/user",
                json(
                        "{\"user\":\""
                                + name
                                + "\",\"passwd\":\""
                                + password
                                + "\",\"extra\":"
                                + extra
                                + "}"));
        source.send(
                "PUT",
                "_system",
                "/_api/user/" + name + "/database/shop",
                json("{\"grant\":\"ro\"}"));
    }

    private static JsonNode userOf(ArangoClient c, String name) {
        JsonNode u = c.get("_system", "/_api/user/" + name).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) u).remove(List.of("code", "error"));
        return u;
    }

    private static JsonNode permissionsOf(ArangoClient c, String name) {
        return c.get("_system", "/_api/user/" + name + "/database?full=true").path("result");
    }

    private static List<String> names(ArangoClient c) {
        List<String> out = new java.util.ArrayList<>();
        c.get("_system", "/_api/user")
                .path("result")
                .forEach(u -> out.add(u.path("user").asText()));
        return out;
    }

    /** Status of a basic-auth request to database shop. */
    private static int basic(Emulator cluster, String user, String password) {
        String token =
                Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return status(
                HttpRequest.newBuilder(
                                URI.create(cluster.coordinatorUrl() + "/_db/shop/_api/version"))
                        .header("Authorization", "Basic " + token)
                        .GET());
    }

    /** Status of {@code POST /_open/auth}. */
    private static int jwtLogin(Emulator cluster, String user, String password) {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return status(
                HttpRequest.newBuilder(URI.create(cluster.coordinatorUrl() + "/_open/auth"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static int status(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                            request.timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
