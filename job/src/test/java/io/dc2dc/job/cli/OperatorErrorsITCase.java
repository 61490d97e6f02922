package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures an operator can cause, each answered by {@code dc2dc start} with one message that
 * says what is wrong and what to do: a destination whose TLS certificate is not trusted, and a
 * destination that another replication already writes into. (Wrong password, unreachable host and a
 * single server are in {@code PreflightITCase}; "no savepoint to resume from" in {@code
 * CommandsTest}.)
 */
class OperatorErrorsITCase {

    @TempDir Path dir;
    private Emulator source;
    private Emulator other;
    private CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        source = Emulator.start(EmulatorConfig.builder().dbServers(1).build());
        other = Emulator.start(EmulatorConfig.builder().dbServers(1).build());
        cli = new CliHarness(dir);
        Files.write(dir.resolve("job.jar"), new byte[] {'P', 'K'});
    }

    @AfterEach
    void stop() {
        source.close();
        other.close();
    }

    private Path config(String name, String source, String destination, String... more)
            throws IOException {
        return Files.writeString(
                dir.resolve(name),
                "source.endpoints: "
                        + source
                        + "\ndestination.endpoints: "
                        + destination
                        + "\n"
                        + String.join("\n", more)
                        + "\n");
    }

    @Test
    void untrustedCertificateSaysWhichCaToConfigure() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        Path ca = dir.resolve("server-ca.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "changeit",
                "-file",
                ca.toString());
        try (Emulator tls =
                Emulator.start(
                        EmulatorConfig.builder().dbServers(1).tls(keyStore, "changeit").build())) {
            String https = tls.coordinatorUrl();
            assertThat(https).startsWith("https://");

            CliHarness.Result r =
                    cli.run(
                            "start",
                            "--config",
                            config("tls.yaml", source.coordinatorUrl(), https).toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .contains("preflight: The destination cluster's TLS certificate is not trusted")
                    .contains("Set destination.tls.ca-file to the PEM file of the CA");
            assertThat(cli.flink.uploads).isEmpty();

            // what the message asks for makes it work
            CliHarness.Result trusted =
                    cli.run(
                            "start",
                            "--config",
                            config(
                                            "tls-ca.yaml",
                                            source.coordinatorUrl(),
                                            https,
                                            "destination.tls.ca-file: " + ca)
                                    .toString());
            assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        }
    }

    @Test
    void aDestinationThatAnotherReplicationWritesIntoIsRefused() throws Exception {
        Emulator destination = Emulator.start(EmulatorConfig.builder().dbServers(1).build());
        try (destination) {
            CliHarness.Result first =
                    cli.run(
                            "start",
                            "--config",
                            config("a.yaml", source.coordinatorUrl(), destination.coordinatorUrl())
                                    .toString());
            assertThat(first.exitCode()).as(first.toString()).isZero();

            CliHarness.Result second =
                    cli.run(
                            "start",
                            "--config",
                            config("b.yaml", other.coordinatorUrl(), destination.coordinatorUrl())
                                    .toString());
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(second.err())
                    .contains("refusing to start")
                    .contains("already replicates into this destination")
                    .contains("Stop it first (dc2dc stop)");
            assertThat(cli.flink.runs).hasSize(1);
        }
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
