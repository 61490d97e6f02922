package io.dc2dc.arango.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {

    @TempDir Path dir;

    @Test
    void usesBasicAuthForCoordinatorsWithoutJwtSecret() throws IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "pä:ss\n");
        Authenticator auth = new Authenticator("root", SecretRef.file(pw.toString()), null);
        Authenticator.Credential c = auth.coordinator();
        assertThat(c.header())
                .isEqualTo(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "root:pä:ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(c.description()).isEqualTo("basic auth as user 'root'");
        assertThat(c.toString()).doesNotContain("pä:ss").doesNotContain("Basic");
        // DB-servers accept only JWTs: without a secret nothing is sent
        assertThat(auth.dbServer().header()).isNull();
        assertThat(auth.hasJwtSecret()).isFalse();
    }

    @Test
    void emptyPasswordWhenNoneConfigured() {
        Authenticator auth = new Authenticator("root", SecretRef.none(), SecretRef.none());
        assertThat(auth.coordinator().header())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("root:".getBytes()));
    }

    @Test
    void prefersTheSuperuserJwtEverywhereWhenASecretIsGiven() throws IOException {
        Path secret = dir.resolve("jwt");
        Files.writeString(secret, "the-secret");
        Authenticator auth =
                new Authenticator("root", SecretRef.none(), SecretRef.file(secret.toString()));
        for (Authenticator.Credential c :
                new Authenticator.Credential[] {auth.coordinator(), auth.dbServer()}) {
            assertThat(c.header()).startsWith("bearer ");
            JWT.require(Algorithm.HMAC256("the-secret"))
                    .withIssuer("arangodb")
                    .build()
                    .verify(c.header().substring("bearer ".length()));
            assertThat(c.toString()).doesNotContain("the-secret").doesNotContain("ey");
        }
    }

    @Test
    void sendsNothingWhenNothingIsConfigured() {
        Authenticator auth = new Authenticator(null, null, null);
        assertThat(auth.coordinator().header()).isNull();
        assertThat(auth.dbServer().header()).isNull();
    }
}
