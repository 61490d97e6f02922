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
import io.dc2dc.emulator.model.Revisions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /_api/replication/restore-data} (§7.3): raw and enveloped JSONL lines, removals first,
 * all-or-nothing batches, revision handling, the errors arangod answers, and the {@code _users}
 * special case (upsert by user name, then the user cache is reloaded).
 */
class RestoreDataITCase {
    private static final byte[] SECRET = "restore-secret".getBytes(StandardCharsets.UTF_8);
    private static final String RESTORE = "/_api/replication/restore-data?collection=";

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
        ok(root.post("/_api/database", "{\"name\":\"restored\"}"), 201);
        ok(
                root.post(
                        "/_db/restored/_api/collection",
                        "{\"name\":\"things\",\"numberOfShards\":3}"),
                200);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static JsonNode doc(String key) {
        return root.get("/_db/restored/_api/document/things/" + key).json();
    }

    @Test
    void rawAndEnvelopedLinesAreAppliedRemovalsFirst() {
        JsonNode answer =
                ok(
                        root.put(
                                "/_db/restored" + RESTORE + "things",
                                lines(
                                        "{\"_key\":\"a\",\"n\":1}",
                                        "",
                                        "{\"type\":2300,\"data\":{\"_key\":\"b\",\"n\":2}}",
                                        "{\"type\":2300,\"data\":{\"_key\":\"c\",\"n\":3}}")),
                        200);
        assertThat(answer.toString()).isEqualTo("{\"result\":true}");
        assertThat(doc("a").get("n").asInt()).isEqualTo(1);
        assertThat(doc("b").get("n").asInt()).isEqualTo(2);

        // a removal of a missing key is ignored; a removal and an insert of the same key in one
        // batch leave the inserted document (removals go first)
        ok(
                root.put(
                        "/_db/restored" + RESTORE + "things",
                        lines(
                                "{\"type\":2300,\"data\":{\"_key\":\"b\",\"n\":20}}",
                                "{\"type\":2302,\"data\":{\"_key\":\"b\"}}",
                                "{\"type\":2302,\"key\":\"a\"}",
                                "{\"type\":2302,\"key\":\"never-existed\"}")),
                200);
        assertThat(root.get("/_db/restored/_api/document/things/a").status()).isEqualTo(404);
        assertThat(doc("b").get("n").asInt()).isEqualTo(20);
        assertThat(doc("c").get("n").asInt()).isEqualTo(3);
    }

    @Test
    void revisionsAreNewUnlessPreserved() {
        String old = Revisions.encode(1L << 40);
        String line = "{\"_key\":\"r\",\"_rev\":\"" + old + "\"}";
        ok(root.put("/_db/restored" + RESTORE + "things", line), 200);
        assertThat(doc("r").get("_rev").asText()).isNotEqualTo(old);
        ok(root.put("/_db/restored" + RESTORE + "things&preserveRevisionIds=true", line), 200);
        assertThat(doc("r").get("_rev").asText()).isEqualTo(old);
    }

    @Test
    void errorsAsInArangod() {
        String db = "/_db/restored";
        assertThat(error(root.put(db + "/_api/replication/restore-data", "{}"), 400, 400))
                .contains("invalid collection parameter");
        error(root.put(db + RESTORE, "{}"), 400, 400);
        error(root.put(db + RESTORE + "nothing", "{\"_key\":\"x\"}"), 404, 1203);
        assertThat(error(root.put(db + RESTORE + "things", "{\"n\":1}"), 400, 600))
                .isEqualTo("got an invalid input document");
        error(root.put(db + RESTORE + "things", "[1,2]"), 400, 600);
        error(
                root.put(db + RESTORE + "things", "{\"type\":2400,\"data\":{\"_key\":\"x\"}}"),
                400,
                600);
        error(root.put(db + RESTORE + "things", "{\"type\":2300,\"data\":{\"n\":1}}"), 400, 600);
        error(root.put(db + RESTORE + "things", "{\"_key\":"), 400, 600);
        // the first failing document aborts the batch: nothing of it is applied
        error(
                root.put(
                        db + RESTORE + "things",
                        lines("{\"_key\":\"first\"}", "{\"_key\":\"bad key/\"}")),
                400,
                1221);
        assertThat(root.get(db + "/_api/document/things/first").status()).isEqualTo(404);
        // admin rights are needed
        ok(root.post("/_api/user", "{\"user\":\"writer\",\"passwd\":\"w\"}"), 201);
        ok(root.put("/_api/user/writer/database/restored", "{\"grant\":\"rw\"}"), 200);
        Http writer = anonymous.withAuth(Http.basic("writer", "w"));
        error(writer.put(db + RESTORE + "things", "{\"_key\":\"w\"}"), 403, 11);
    }

    @Test
    void usersAreUpsertedByNameAndLogInWithTheRestoredPassword() {
        ObjectNode carol;
        try (Emulator other =
                Emulator.start(
                        EmulatorConfig.builder()
                                .dbServers(1)
                                .jwtSecret(SECRET)
                                .rootPassword("other")
                                .build())) {
            Http otherRoot = new Http(other.coordinatorUrl()).withAuth(Http.basic("root", "other"));
            ok(otherRoot.post("/_api/database", "{\"name\":\"restored\"}"), 201);
            ok(
                    otherRoot.post(
                            "/_api/user",
                            "{\"user\":\"carol\",\"passwd\":\"from-source\",\"extra\":{\"x\":1}}"),
                    201);
            ok(otherRoot.put("/_api/user/carol/database/restored", "{\"grant\":\"ro\"}"), 200);
            carol = (ObjectNode) ok(otherRoot.get("/_api/document/_users/carol"), 200);
        }
        // the destination has its own carol (key "carol", another password)
        ok(root.post("/_api/user", "{\"user\":\"carol\",\"passwd\":\"local\"}"), 201);
        Http basic = anonymous.withAuth(Http.basic("carol", "local"));
        assertThat(basic.get("/_db/restored/_api/collection").status()).isEqualTo(401);
        carol.put("_key", "998877");
        ok(root.put(RESTORE + "_users", "{\"type\":2300,\"data\":" + carol + "}"), 200);

        JsonNode stored = ok(root.get("/_api/document/_users/carol"), 200);
        assertThat(stored.get("authData")).isEqualTo(carol.get("authData"));
        assertThat(root.get("/_api/document/_users/998877").status()).isEqualTo(404);
        assertThat(ok(root.get("/_api/user/carol"), 200).get("extra").get("x").asInt())
                .isEqualTo(1);
        assertThat(login("carol", "from-source")).isEqualTo(200);
        assertThat(login("carol", "local")).isEqualTo(401);
        Http restored = anonymous.withAuth(Http.basic("carol", "from-source"));
        assertThat(restored.get("/_db/restored/_api/collection").status()).isEqualTo(200);
        assertThat(restored.post("/_db/restored/_api/document/things", "{}").status())
                .isEqualTo(403);

        // Restored documents may carry an old _rev (another cluster's clock): the cache is
        // reloaded anyway, so a deactivation takes effect at once.
        ObjectNode inactive = carol.deepCopy();
        ((ObjectNode) inactive.get("authData")).put("active", false);
        inactive.put("_rev", Revisions.encode(1L << 30));
        ok(
                root.put(
                        RESTORE + "_users&preserveRevisionIds=true",
                        "{\"type\":2300,\"data\":" + inactive + "}"),
                200);
        assertThat(restored.get("/_db/restored/_api/collection").status()).isEqualTo(401);
        assertThat(login("carol", "from-source")).isEqualTo(401);

        // a new user is inserted under a fresh key
        ObjectNode dave = carol.deepCopy();
        dave.put("user", "dave");
        dave.put("_key", "carol");
        ok(root.put(RESTORE + "_users", dave), 200);
        assertThat(login("dave", "from-source")).isEqualTo(200);
        assertThat(ok(root.get("/_api/document/_users/carol"), 200).get("user").asText())
                .isEqualTo("carol");
        ok(root.delete("/_api/user/dave"), 202);
        ok(root.delete("/_api/user/carol"), 202);
    }

    private static int login(String user, String password) {
        return anonymous
                .post(
                        "/_open/auth",
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .status();
    }
}
