package io.dc2dc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {
    @TempDir Path dir;

    @Test
    void parsesEveryOption() throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt"), "s3cret\n");
        Path password = Files.writeString(dir.resolve("pw"), "root pw\n");
        EmulatorConfig cfg =
                EmulatorMain.parse(
                        new String[] {
                            "--port",
                            "8529",
                            "--dbservers",
                            "5",
                            "--coordinators",
                            "2",
                            "--jwt-secret-file",
                            secret.toString(),
                            "--root-password-file",
                            password.toString(),
                            "--wal-retention-seconds",
                            "30",
                            "--host",
                            "0.0.0.0"
                        });
        assertThat(cfg.coordinatorPort()).isEqualTo(8529);
        assertThat(cfg.dbServers()).isEqualTo(5);
        assertThat(cfg.coordinators()).isEqualTo(2);
        assertThat(new String(cfg.jwtSecret(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(cfg.rootPassword()).isEqualTo("root pw");
        assertThat(cfg.walRetention()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cfg.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void rejectsBadArgumentsWithOneLine() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--dbservers", "2"}))
                .hasMessageStartingWith("--port is required");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("1-65535");
        assertThatThrownBy(
                        () -> EmulatorMain.parse(new String[] {"--port", "1", "--dbservers", "0"}))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "1", "--what", "x"}))
                .hasMessageStartingWith("unknown argument '--what'");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"}))
                .hasMessageStartingWith("missing value for --port");
        assertThatThrownBy(
                        () ->
                                EmulatorMain.parse(
                                        new String[] {
                                            "--port", "1", "--jwt-secret-file", "/no/such"
                                        }))
                .hasMessageStartingWith("--jwt-secret-file: cannot read");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "x"}).toString())
                .message()
                .doesNotContain("\n");
    }
}
