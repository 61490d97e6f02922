package io.dc2dc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JWT secret rotation as arangod does it with {@code --server.jwt-secret-folder}: a new secret is
 * added as a passive one and reloaded ({@code POST /_admin/server/jwt}), clients switch to it, the
 * old one is removed and reloaded; at no step is a client with either secret refused.
 */
class JwtReloadITCase {

    @TempDir Path dir;

    @Test
    void aSecretIsRotatedThroughTheFolderAndTheReloadEndpoint() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(folder.resolve("1-current"), "old-secret\n");
        try (Emulator e =
                Emulator.start(
                        EmulatorConfig.builder().dbServers(1).jwtSecretSource(folder).build())) {
            Http coordinator = new Http(e.coordinatorUrl());
            Http dbServer = new Http(e.dbServerUrl(e.dbServerIds().get(0)));
            String oldToken = bearer("old-secret");
            String newToken = bearer("new-secret");
            assertThat(coordinator.withAuth(oldToken).get("/_api/version").status()).isEqualTo(200);
            assertThat(coordinator.withAuth(newToken).get("/_api/version").status()).isEqualTo(401);

            Http.Answer info = coordinator.withAuth(oldToken).get("/_admin/server/jwt");
            assertThat(info.status()).as(info.toString()).isEqualTo(200);
            assertThat(info.json().at("/result/active/sha256").asText())
                    .isEqualTo(sha256("old-secret"));
            assertThat(info.json().at("/result/passive")).isEmpty();

            // 1. the new secret is added as a passive one: both are accepted
            Files.writeString(folder.resolve("2-next"), "new-secret");
            Http.Answer reloaded = coordinator.withAuth(oldToken).post("/_admin/server/jwt", null);
            assertThat(reloaded.status()).as(reloaded.toString()).isEqualTo(200);
            assertThat(reloaded.json().at("/result/passive/0/sha256").asText())
                    .isEqualTo(sha256("new-secret"));
            for (String token : new String[] {oldToken, newToken}) {
                assertThat(coordinator.withAuth(token).get("/_api/version").status())
                        .isEqualTo(200);
                assertThat(dbServer.withAuth(token).get("/_api/version").status()).isEqualTo(200);
            }

            // 2. the old secret is removed: only the new one is accepted, also by DB-servers
            Files.delete(folder.resolve("1-current"));
            assertThat(dbServer.withAuth(newToken).post("/_admin/server/jwt", null).status())
                    .isEqualTo(200);
            assertThat(coordinator.withAuth(oldToken).get("/_api/version").status()).isEqualTo(401);
            assertThat(dbServer.withAuth(oldToken).get("/_api/version").status()).isEqualTo(401);
            Http.Answer after = dbServer.withAuth(newToken).get("/_admin/server/jwt");
            assertThat(after.json().at("/result/active/sha256").asText())
                    .isEqualTo(sha256("new-secret"));
            assertThat(after.json().at("/result/passive")).isEmpty();

            // only superusers may read or reload the secrets
            Http.Answer user =
                    coordinator.withAuth(Http.basic("root", "")).post("/_admin/server/jwt", null);
            assertThat(user.status()).as(user.toString()).isEqualTo(403);
        }
    }

    private static String bearer(String secret) {
        return "bearer "
                + Authenticator.superuserToken(secret.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
