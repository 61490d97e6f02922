package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dc2dc.arango.error.ArangoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against HTTPS servers on free ports with self-signed certificates (made with the JDK's
 * keytool): custom CA file, wrong CA, host name mismatch, verify=false.
 */
class TlsITCase {

    private static final String VERSION =
            "{\"server\":\"arango\",\"version\":\"3.12.4\",\"license\":\"community\"}";

    @TempDir static Path dir;

    private static HttpsServer server;
    private static Path serverCa;
    private static Path wrongHostCa;
    private static HttpsServer wrongHostServer;

    @BeforeAll
    static void start() throws Exception {
        serverCa = dir.resolve("server-ca.pem");
        Path serverKeys = keyPair("server", "ip:127.0.0.1", serverCa);
        wrongHostCa = dir.resolve("wrong-host-ca.pem");
        Path wrongHostKeys = keyPair("wronghost", "dns:coordinator.example", wrongHostCa);
        server = https(serverKeys);
        wrongHostServer = https(wrongHostKeys);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (wrongHostServer != null) {
            wrongHostServer.stop(0);
        }
    }

    /** A self-signed key pair in a PKCS12 store, its certificate exported as PEM. */
    private static Path keyPair(String name, String san, Path pem) throws Exception {
        Path store = dir.resolve(name + ".p12");
        run(
                "keytool",
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + san,
                "-ext",
                "BC:c=ca:true",
                "-validity",
                "2");
        // export the certificate as PEM in-process (one keytool run less per key pair)
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(ks.getCertificate(name).getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        return store;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static HttpsServer https(Path keyStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        s.createContext(
                "/",
                ex -> {
                    byte[] body = VERSION.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("content-type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                });
        s.start();
        return s;
    }

    private static VersionInfo version(HttpsServer s, TlsSpec tls) {
        String url = "https://127.0.0.1:" + s.getAddress().getPort();
        try (ArangoClient client =
                ArangoClient.connect(
                        new ClusterSpec(
                                "source",
                                List.of(url),
                                null,
                                null,
                                null,
                                tls,
                                Duration.ofSeconds(5)))) {
            return client.version();
        }
    }

    @Test
    void trustsServersSignedByTheConfiguredCa() {
        assertThat(version(server, new TlsSpec(serverCa.toString(), true)).version())
                .isEqualTo("3.12.4");
    }

    @Test
    void refusesServersSignedBySomeoneElseWithAFatalError() {
        assertThatThrownBy(() -> version(server, new TlsSpec(wrongHostCa.toString(), true)))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.isTransient()).isFalse();
                            assertThat(e.getMessage())
                                    .contains("Check the TLS settings of cluster 'source'");
                        });
        // the JVM's default trust store does not know a self-signed test certificate either
        assertThatThrownBy(() -> version(server, TlsSpec.defaults()))
                .isInstanceOfSatisfying(
                        ArangoException.class, e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void verifiesTheHostName() {
        assertThatThrownBy(
                        () -> version(wrongHostServer, new TlsSpec(wrongHostCa.toString(), true)))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.isTransient()).isFalse();
                            assertThat(e.getMessage()).contains("TLS settings");
                        });
    }

    @Test
    void verifyFalseAcceptsAnyCertificate() {
        assertThat(version(wrongHostServer, new TlsSpec(null, false)).version())
                .isEqualTo("3.12.4");
    }

    @Test
    void reportsUnreadableCaFiles() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> version(server, new TlsSpec(empty.toString(), true)))
                .hasMessageContaining("holds no certificate");
        assertThatThrownBy(
                        () ->
                                version(
                                        server,
                                        new TlsSpec(dir.resolve("missing.pem").toString(), true)))
                .hasMessageContaining("cannot read the CA file");
    }
}
