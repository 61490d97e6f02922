package io.dc2dc.arango.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperuserJwtTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir Path dir;

    private static DecodedJWT verify(String token, String secret, Instant at) {
        JWTVerifier.BaseVerification verification =
                (JWTVerifier.BaseVerification)
                        JWT.require(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)))
                                .withIssuer("arangodb")
                                .withClaim("server_id", "dc2dc");
        return verification.build(Clock.fixed(at, ZoneOffset.UTC)).verify(token);
    }

    private Path secretFile(String content) throws IOException {
        Path file = dir.resolve("jwt-secret");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void mintsAnHs256SuperuserTokenValidForOneHour() throws IOException {
        MutableClock clock = new MutableClock(T0);
        SuperuserJwt jwt =
                new SuperuserJwt(
                        SecretRef.file(secretFile("cluster-secret\n").toString()), "dc2dc", clock);
        String token = jwt.token();

        // the trailing newline is not part of the key, as in arangod
        DecodedJWT decoded = verify(token, "cluster-secret", T0);
        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(decoded.getIssuer()).isEqualTo("arangodb");
        assertThat(decoded.getClaim("server_id").asString()).isEqualTo("dc2dc");
        assertThat(decoded.getClaim("preferred_username").isMissing()).isTrue();
        assertThat(decoded.getIssuedAtAsInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(decoded.getExpiresAtAsInstant())
                .isEqualTo(Instant.parse("2026-01-02T04:04:05Z"));
        assertThatThrownBy(() -> verify(token, "other-secret", T0))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeExpiry() throws IOException {
        MutableClock clock = new MutableClock(T0);
        SuperuserJwt jwt =
                new SuperuserJwt(SecretRef.file(secretFile("s").toString()), "dc2dc", clock);
        String first = jwt.token();
        clock.advance(Duration.ofMinutes(49));
        assertThat(jwt.token()).isSameAs(first);
        clock.advance(Duration.ofMinutes(1)); // 50 min: within RENEW_BEFORE of expiry
        String second = jwt.token();
        assertThat(second).isNotEqualTo(first);
        assertThat(verify(second, "s", clock.instant()).getIssuedAtAsInstant())
                .isEqualTo(Instant.parse("2026-01-02T03:54:05Z"));
    }

    @Test
    void remintsAtOnceWhenTheSecretFileChanges() throws IOException {
        MutableClock clock = new MutableClock(T0);
        Path file = secretFile("old-secret");
        SuperuserJwt jwt = new SuperuserJwt(SecretRef.file(file.toString()), "dc2dc", clock);
        verify(jwt.token(), "old-secret", T0);

        Files.writeString(file, "new-secret");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        verify(jwt.token(), "new-secret", T0);
    }

    @Test
    void rejectsUnusableSecrets() throws IOException {
        MutableClock clock = new MutableClock(T0);
        assertThatThrownBy(
                        () ->
                                new SuperuserJwt(
                                                SecretRef.file(secretFile(" \n").toString()),
                                                "dc2dc",
                                                clock)
                                        .token())
                .hasMessageContaining("is empty");
        assertThatThrownBy(
                        () ->
                                new SuperuserJwt(
                                                SecretRef.file(
                                                        secretFile(
                                                                        "-----BEGIN EC PRIVATE KEY-----\n")
                                                                .toString()),
                                                "dc2dc",
                                                clock)
                                        .token())
                .hasMessageContaining("ES256")
                .hasMessageNotContaining("PRIVATE KEY");
        assertThatThrownBy(() -> new SuperuserJwt(SecretRef.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
