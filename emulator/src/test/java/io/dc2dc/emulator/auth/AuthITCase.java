package io.dc2dc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Basic auth, user and superuser JWTs, DB-server restrictions, permissions, read-only mode. */
class AuthITCase {
    private static final byte[] SECRET = "cluster-secret".getBytes(StandardCharsets.UTF_8);

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
    private static String superuser;

    @BeforeAll
    static void setUp() {
        anonymous = new Http(EMU.emulator().coordinatorUrl());
        root = anonymous.withAuth(Http.basic("root", "pw"));
        superuser = "bearer " + Authenticator.superuserToken(SECRET, "dc2dc-test");
    }

    private static void assert401(Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(401);
        assertThat(a.json().get("errorNum").asInt()).isIn(401, 11);
    }

    @Test
    void credentialsAreRequired() {
        Answer a = anonymous.get("/_api/version");
        assert401(a);
        assertThat(a.header("www-authenticate"))
                .isEqualTo("Bearer token_type=\"JWT\", realm=\"ArangoDB\"");
        assertThat(
                        anonymous
                                .send("GET", "/_api/version", null, "x-omit-www-authenticate", "1")
                                .header("www-authenticate"))
                .isNull();
        assert401(anonymous.withAuth(Http.basic("root", "wrong")).get("/_api/version"));
        assert401(anonymous.withAuth("bearer not.a.token").get("/_api/version"));
        assertThat(root.get("/_api/version").status()).isEqualTo(200);
    }

    @Test
    void openAuthIssuesUserTokens() {
        Answer bad = anonymous.post("/_open/auth", "{\"username\":\"root\",\"password\":\"nope\"}");
        assertThat(bad.status()).isEqualTo(401);
        Answer ok = anonymous.post("/_open/auth", "{\"username\":\"root\",\"password\":\"pw\"}");
        assertThat(ok.status()).isEqualTo(200);
        String jwt = ok.json().get("jwt").asText();
        DecodedJWT decoded = JWT.decode(jwt);
        assertThat(decoded.getClaim("preferred_username").asString()).isEqualTo("root");
        assertThat(decoded.getIssuer()).isEqualTo("arangodb");
        assertThat(decoded.getExpiresAt()).isAfter(decoded.getIssuedAt());
        assertThat(anonymous.withAuth("bearer " + jwt).get("/_api/collection").status())
                .isEqualTo(200);
        assertThat(anonymous.post("/_open/auth", "{\"username\":\"root\"}").status())
                .isEqualTo(400);
    }

    @Test
    void dbServersAcceptOnlySuperuserTokens() {
        String server = EMU.emulator().dbServerIds().get(0);
        Http dbs = new Http(EMU.emulator().dbServerUrl(server));
        assert401(dbs.get("/_api/wal/lastTick"));
        assert401(dbs.withAuth(Http.basic("root", "pw")).get("/_api/wal/lastTick"));
        String userJwt =
                anonymous
                        .post("/_open/auth", "{\"username\":\"root\",\"password\":\"pw\"}")
                        .json()
                        .get("jwt")
                        .asText();
        assert401(dbs.withAuth("bearer " + userJwt).get("/_api/wal/lastTick"));
        Answer ok = dbs.withAuth(superuser).get("/_api/wal/lastTick");
        assertThat(ok.status()).isEqualTo(200);
        String otherSecret = "bearer " + Authenticator.superuserToken("wrong".getBytes(), "x");
        assert401(dbs.withAuth(otherSecret).get("/_api/wal/lastTick"));
        // coordinators accept superuser tokens too
        assertThat(anonymous.withAuth(superuser).get("/_admin/cluster/health").status())
                .isEqualTo(200);
    }

    @Test
    void usersFromDatabaseCreationAndUsersCollection() throws Exception {
        Answer created =
                root.post(
                        "/_api/database",
                        "{\"name\":\"appdb\",\"users\":[{\"username\":\"alice\",\"passwd\":\"a\"}]}");
        assertThat(created.status()).isEqualTo(201);
        Http alice = anonymous.withAuth(Http.basic("alice", "a"));
        assertThat(alice.post("/_db/appdb/_api/collection", "{\"name\":\"things\"}").status())
                .isEqualTo(200);
        assertThat(alice.post("/_db/appdb/_api/document/things", "{\"a\":1}").status())
                .isEqualTo(202);
        assertThat(alice.get("/_db/appdb/_api/database/user").json().get("result").toString())
                .contains("appdb")
                .doesNotContain("_system");
        assert401(alice.get("/_api/collection"));
        String shardServer = EMU.emulator().dbServerIds().get(0);
        Answer forwarded =
                alice.post("/_db/appdb/_api/replication/batch?DBserver=" + shardServer, "{}");
        assertThat(forwarded.status()).isEqualTo(403);
        assertThat(forwarded.json().get("errorNum").asInt()).isEqualTo(11);

        // a user document written straight into _users (as replication restores it)
        String salt = "0a1b2c3d";
        String hash =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest((salt + "b").getBytes(StandardCharsets.UTF_8)));
        Answer bobDoc =
                root.post(
                        "/_api/document/_users",
                        "{\"user\":\"bob\",\"source\":\"LOCAL\",\"authData\":{\"active\":true,\"simple\":{\"hash\":\""
                                + hash
                                + "\",\"salt\":\""
                                + salt
                                + "\",\"method\":\"sha256\"}},"
                                + "\"databases\":{\"appdb\":{\"permissions\":{\"read\":true,\"write\":false}}}}");
        assertThat(bobDoc.status()).isEqualTo(202);
        Http bob = anonymous.withAuth(Http.basic("bob", "b"));
        assertThat(bob.get("/_db/appdb/_api/collection/things/count").status()).isEqualTo(200);
        Answer readOnlyUser = bob.post("/_db/appdb/_api/document/things", "{}");
        assertThat(readOnlyUser.status()).isEqualTo(403);
        assertThat(readOnlyUser.json().get("errorNum").asInt()).isEqualTo(11);
    }

    @Test
    void readOnlyModeBlocksWritesExceptForSuperusers() {
        root.post("/_api/collection", "{\"name\":\"ro\"}");
        Answer set = root.put("/_admin/server/mode", "{\"mode\":\"readonly\"}");
        assertThat(set.json().get("mode").asText()).isEqualTo("readonly");
        try {
            Answer denied = root.post("/_api/document/ro", "{}");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("errorNum").asInt()).isEqualTo(1004);
            assertThat(root.get("/_api/collection/ro/count").status()).isEqualTo(200);
            assertThat(root.get("/_admin/server/mode").json().get("mode").asText())
                    .isEqualTo("readonly");
            assertThat(anonymous.withAuth(superuser).post("/_api/document/ro", "{}").status())
                    .isEqualTo(202);
        } finally {
            root.put("/_admin/server/mode", "{\"mode\":\"default\"}");
        }
        assertThat(root.post("/_api/document/ro", "{}").status()).isEqualTo(202);
    }
}
