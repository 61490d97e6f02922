package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Credentials against an emulator with authentication on. */
class AuthenticationITCase {

    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(
                    EmulatorConfig.builder()
                            .dbServers(1)
                            .jwtSecret(EmulatorClusters.secretBytes())
                            .build());

    @TempDir Path dir;

    @Test
    void aWrongJwtSecretIsFatalAndSaysWhatToCheck() {
        try (ArangoClient client =
                ArangoClient.connect(
                        EmulatorClusters.withJwt(EMU.emulator(), dir, "not-the-secret"))) {
            assertThatThrownBy(client::databases)
                    .isInstanceOfSatisfying(
                            ArangoException.class,
                            e -> {
                                assertThat(e.httpStatus()).isEqualTo(401);
                                assertThat(e.isTransient()).isFalse();
                                assertThat(e.getMessage())
                                        .contains("superuser JWT")
                                        .contains("jwt-secret-keyfile")
                                        .doesNotContain("not-the-secret");
                            });
        }
    }

    @Test
    void basicAuthReachesCoordinatorsButNotDbServers() {
        try (ArangoClient client =
                ArangoClient.connect(EmulatorClusters.basicOnly(EMU.emulator()))) {
            assertThat(client.databases()).contains("_system");
            String server = EMU.emulator().dbServerIds().get(0);
            assertThatThrownBy(() -> client.lastTick(server))
                    .isInstanceOfSatisfying(
                            ArangoException.class,
                            e -> {
                                assertThat(e.httpStatus()).isEqualTo(401);
                                assertThat(e.getMessage()).contains("no credentials");
                            });
        }
    }

    @Test
    void aRotatedSecretFileTakesEffectWithoutReconnecting() throws Exception {
        try (ArangoClient client =
                ArangoClient.connect(
                        EmulatorClusters.withJwt(EMU.emulator(), dir, "wrong-at-first"))) {
            assertThatThrownBy(client::databases).isInstanceOf(ArangoException.class);
            Path file =
                    Path.of(((io.dc2dc.arango.auth.SecretRef) client.spec().jwtSecret()).name());
            Files.writeString(file, EmulatorClusters.JWT_SECRET);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(client.databases()).contains("_system");
        }
    }
}
