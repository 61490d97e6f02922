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
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against HTTPS servers on free ports with the self-signed test certificates of {@code
 * src/test/resources/tls} (see its README): custom CA file, wrong CA, host name mismatch,
 * verify=false, a CA file replaced while the client runs.
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
        serverCa = resource("server-ca.pem");
        wrongHostCa = resource("wronghost-ca.pem");
        server = https(resource("server.p12"));
        wrongHostServer = https(resource("wronghost.p12"));
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

    /** Copies a classpath fixture to a file, as the client reads CA files by path. */
    private static Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TlsITCase.class.getResourceAsStream("/tls/" + name)) {
            Files.copy(in, target);
        }
        return target;
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
        try (ArangoClient client = connect(s, tls)) {
            return client.version();
        }
    }

    /** A client of {@code s} over TLS with {@code tls}, without credentials. */
    private static ArangoClient connect(HttpsServer s, TlsSpec tls) {
        String url = "https://127.0.0.1:" + s.getAddress().getPort();
        return ArangoClient.connect(
                new ClusterSpec(
                        "source", List.of(url), null, null, null, tls, Duration.ofSeconds(5)));
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
    void aReplacedCaFileIsUsedWithoutANewClient() throws IOException {
        Path ca = dir.resolve("rotating-ca.pem");
        Files.copy(wrongHostCa, ca);
        try (ArangoClient client = connect(server, new TlsSpec(ca.toString(), true))) {
            assertThatThrownBy(client::version)
                    .isInstanceOfSatisfying(
                            ArangoException.class, e -> assertThat(e.isTransient()).isFalse());
            // the operator installs the right CA, as a secret volume would: an atomic rename
            Path next = dir.resolve("rotating-ca.pem.next");
            Files.copy(serverCa, next);
            Files.move(next, ca, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertThat(client.version().version()).isEqualTo("3.12.4");
        }
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
