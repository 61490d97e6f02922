package io.dc2dc.emulator.meta;

import static io.dc2dc.emulator.meta.Checks.error;
import static io.dc2dc.emulator.meta.Checks.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /_api/user} with authentication on: created users log in (Basic and {@code /_open/auth}),
 * permissions take effect, and a copied {@code _users} document logs in on another cluster.
 */
class UserApiITCase {
    private static final byte[] SECRET = "meta-secret".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(
                    EmulatorConfig.builder()
                            .dbServers(2)
                            .jwtSecret(SECRET)
                            .rootPassword("pw")
                            .build());

    private static Http anonymous;
    private static Http root;

    @BeforeAll
    static void setUp() {
        anonymous = new Http(EMU.emulator().coordinatorUrl());
        root = anonymous.withAuth(Http.basic("root", "pw"));
    }

    private static int login(Http h, String user, String password) {
        return h.post(
                        "/_open/auth",
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .status();
    }

    @Test
    void createdUserLogsInAndPermissionsApply() {
        JsonNode created =
                ok(
                        root.post(
                                "/_api/user",
                                "{\"user\":\"alice@app\",\"passwd\":\"s3cret\",\"extra\":{\"team\":\"a\"}}"),
                        201);
        assertThat(created.get("user").asText()).isEqualTo("alice@app");
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("extra").get("team").asText()).isEqualTo("a");
        error(root.post("/_api/user", "{\"user\":\"alice@app\",\"passwd\":\"x\"}"), 409, 1702);
        error(root.post("/_api/user", "{\"passwd\":\"x\"}"), 400, 1700);

        Http alice = anonymous.withAuth(Http.basic("alice@app", "s3cret"));
        assertThat(login(anonymous, "alice@app", "s3cret")).isEqualTo(200);
        // no database access yet
        assertThat(alice.get("/_api/collection").status()).isEqualTo(401);
        ok(root.put("/_api/user/alice@app/database/_system", "{\"grant\":\"ro\"}"), 200);
        assertThat(alice.get("/_api/collection").status()).isEqualTo(200);
        assertThat(alice.post("/_api/collection", "{\"name\":\"denied\"}").status()).isEqualTo(403);
        // without admin rights a user reads itself but not others
        ok(alice.get("/_api/user/alice@app"), 200);
        error(alice.get("/_api/user/root"), 403, 11);
        JsonNode grant =
                ok(root.put("/_api/user/alice@app/database/_system", "{\"grant\":\"rw\"}"), 200);
        assertThat(grant.get("_system").asText()).isEqualTo("rw");
        assertThat(alice.post("/_api/collection", "{\"name\":\"allowed\"}").status())
                .isEqualTo(200);
        assertThat(
                        ok(root.get("/_api/user/alice@app/database/_system"), 200)
                                .get("result")
                                .asText())
                .isEqualTo("rw");
        assertThat(ok(root.get("/_api/user/alice@app/database"), 200).get("result").toString())
                .isEqualTo("{\"_system\":\"rw\"}");
        JsonNode full = ok(root.get("/_api/user/alice@app/database?full=true"), 200).get("result");
        assertThat(full.get("_system").get("permission").asText()).isEqualTo("rw");
        assertThat(full.get("_system").get("collections").get("allowed").asText())
                .isEqualTo("undefined");
        assertThat(full.get("*").get("permission").asText()).isEqualTo("none");
        JsonNode coll =
                ok(
                        root.put(
                                "/_api/user/alice@app/database/_system/allowed",
                                "{\"grant\":\"ro\"}"),
                        200);
        assertThat(coll.get("_system/allowed").asText()).isEqualTo("ro");
        assertThat(
                        ok(root.get("/_api/user/alice@app/database/_system/allowed"), 200)
                                .get("result")
                                .asText())
                .isEqualTo("ro");
        assertThat(
                        ok(root.get("/_api/user/alice@app/database/_system/_users"), 200)
                                .get("result")
                                .asText())
                .isEqualTo("none");
        ok(root.delete("/_api/user/alice@app/database/_system/allowed"), 202);
        error(root.put("/_api/user/alice@app/database/nodb", "{\"grant\":\"rw\"}"), 404, 1228);
        error(root.put("/_api/user/alice@app/database/_system", "{\"grant\":\"all\"}"), 400, 10);

        ok(root.delete("/_api/user/alice@app/database/_system"), 202);
        assertThat(alice.get("/_api/collection").status()).isEqualTo(401);

        // password change and deactivation
        ok(root.patch("/_api/user/alice@app", "{\"passwd\":\"new\"}"), 200);
        assertThat(login(anonymous, "alice@app", "s3cret")).isEqualTo(401);
        assertThat(login(anonymous, "alice@app", "new")).isEqualTo(200);
        JsonNode replaced =
                ok(
                        root.put("/_api/user/alice@app", "{\"passwd\":\"third\",\"active\":false}"),
                        200);
        assertThat(replaced.get("active").asBoolean()).isFalse();
        assertThat(replaced.get("extra").size()).isZero();
        assertThat(login(anonymous, "alice@app", "third")).isEqualTo(401);

        ok(root.delete("/_api/user/alice@app"), 202);
        error(root.get("/_api/user/alice@app"), 404, 1703);
        error(root.delete("/_api/user/alice@app"), 404, 1703);
    }

    @Test
    void collectionGrantsApplyToDocuments() {
        ok(root.post("/_api/user", "{\"user\":\"carol\",\"passwd\":\"c\"}"), 201);
        ok(root.post("/_api/collection", "{\"name\":\"open\"}"), 200);
        ok(root.post("/_api/collection", "{\"name\":\"readonly\"}"), 200);
        ok(root.post("/_api/collection", "{\"name\":\"hidden\"}"), 200);
        ok(root.post("/_api/document/hidden", "{\"_key\":\"h\"}"), 202);
        ok(root.put("/_api/user/carol/database/_system", "{\"grant\":\"rw\"}"), 200);
        ok(root.put("/_api/user/carol/database/_system/readonly", "{\"grant\":\"ro\"}"), 200);
        ok(root.put("/_api/user/carol/database/_system/hidden", "{\"grant\":\"none\"}"), 200);
        Http carol = anonymous.withAuth(Http.basic("carol", "c"));
        // no grant on the collection: the database's read-write access applies
        ok(carol.post("/_api/document/open", "{\"_key\":\"a\"}"), 202);
        // a read-only grant on a collection forbids writing it, not reading it
        error(carol.post("/_api/document/readonly", "{\"_key\":\"b\"}"), 403, 11);
        ok(root.post("/_api/document/readonly", "{\"_key\":\"b\"}"), 202);
        ok(carol.get("/_api/document/readonly/b"), 200);
        // none forbids reading too
        error(carol.get("/_api/document/hidden/h"), 403, 11);
        // the database's "*" collection grant is the default for its collections
        ok(root.delete("/_api/user/carol/database/_system/readonly"), 202);
        ok(root.put("/_api/user/carol/database/_system/*", "{\"grant\":\"ro\"}"), 200);
        error(carol.post("/_api/document/open", "{\"_key\":\"c\"}"), 403, 11);
        ok(root.delete("/_api/user/carol"), 202);
    }

    @Test
    void aCopiedUsersDocumentLogsInOnAnotherCluster() {
        ok(root.post("/_api/user", "{\"user\":\"bob\",\"passwd\":\"copy-me\"}"), 201);
        ok(root.put("/_api/user/bob/database/*", "{\"grant\":\"ro\"}"), 200);
        ObjectNode doc = (ObjectNode) ok(root.get("/_api/document/_users/bob"), 200);
        JsonNode simple = doc.get("authData").get("simple");
        assertThat(simple.get("method").asText()).isEqualTo("sha256");
        assertThat(simple.get("salt").asText()).isNotEmpty();
        assertThat(simple.get("hash").asText()).hasSize(64);
        assertThat(doc.get("databases").get("*").get("permissions").get("read").asBoolean())
                .isTrue();
        assertThat(ok(root.get("/_api/user"), 200).get("result").toString())
                .contains("\"bob\"", "\"root\"");

        try (Emulator other =
                Emulator.start(
                        EmulatorConfig.builder()
                                .dbServers(1)
                                .jwtSecret(SECRET)
                                .rootPassword("pw2")
                                .build())) {
            Http otherRoot = new Http(other.coordinatorUrl()).withAuth(Http.basic("root", "pw2"));
            doc.remove("_rev");
            doc.remove("_id");
            ok(otherRoot.post("/_api/document/_users?isRestore=true", doc), 202);
            Http bob = new Http(other.coordinatorUrl()).withAuth(Http.basic("bob", "copy-me"));
            assertThat(bob.get("/_api/collection").status()).isEqualTo(200);
            assertThat(login(new Http(other.coordinatorUrl()), "bob", "copy-me")).isEqualTo(200);
            assertThat(ok(otherRoot.get("/_api/user/bob"), 200).get("active").asBoolean()).isTrue();
        }
        ok(root.delete("/_api/user/bob"), 202);
    }
}
