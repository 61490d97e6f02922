package io.dc2dc.arango.http;

import io.dc2dc.arango.auth.SecretRef;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Client settings for an emulator started by a test, with the JWT secret in a temp file. */
final class EmulatorClusters {

    static final String JWT_SECRET = "emulator-test-secret";

    private EmulatorClusters() {}

    /** A 3-DB-server emulator that requires authentication with {@link #JWT_SECRET}. */
    static EmulatorExtension secured() {
        return new EmulatorExtension(
                EmulatorConfig.builder().dbServers(3).jwtSecret(secretBytes()).build());
    }

    /** A client of a {@link #secured()} emulator, with the secret in a file under {@code dir}. */
    static ArangoClient securedClient(EmulatorExtension emulator, Path dir) {
        return ArangoClient.connect(withJwt(emulator.emulator(), dir, JWT_SECRET));
    }

    static byte[] secretBytes() {
        return JWT_SECRET.getBytes(StandardCharsets.UTF_8);
    }

    /** A spec that authenticates with the cluster's JWT secret (written to {@code dir}). */
    static ClusterSpec withJwt(Emulator emulator, Path dir, String secret) {
        Path file = dir.resolve("jwt-" + Integer.toHexString(secret.hashCode()));
        try {
            Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClusterSpec(
                "source",
                List.of(emulator.coordinatorUrl()),
                "root",
                SecretRef.none(),
                SecretRef.file(file.toString()),
                null,
                Duration.ofSeconds(10));
    }

    /** A spec that uses Basic auth as root (empty password) and no JWT secret. */
    static ClusterSpec basicOnly(Emulator emulator) {
        return new ClusterSpec(
                "destination",
                List.of(emulator.coordinatorUrl()),
                "root",
                SecretRef.none(),
                SecretRef.none(),
                null,
                Duration.ofSeconds(10));
    }
}
