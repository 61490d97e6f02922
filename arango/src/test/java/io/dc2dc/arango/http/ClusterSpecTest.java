package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.auth.SecretRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {

    @Test
    void normalizesAndDefaults() {
        List<String> endpoints =
                new ArrayList<>(List.of(" https://c1:8529/ ", "http://[::1]:8530"));
        ClusterSpec spec = new ClusterSpec("source", endpoints, "root", null, null, null, null);
        endpoints.clear(); // the spec keeps its own copy
        assertThat(spec.endpoints()).containsExactly("https://c1:8529", "http://[::1]:8530");
        assertThat(spec.password()).isEqualTo(SecretRef.none());
        assertThat(spec.jwtSecret()).isEqualTo(SecretRef.none());
        assertThat(spec.tls()).isEqualTo(new TlsSpec(null, true));
        assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rejectsBadSettingsNamingTheCluster() {
        assertThatThrownBy(() -> ClusterSpec.unauthenticated("source", List.of()))
                .hasMessageContaining("'source' needs at least one endpoint");
        for (String bad :
                List.of(
                        "tcp://c1:8529",
                        "c1:8529",
                        "http://c1:8529/_db/x",
                        "http://",
                        "http://u:p@c1:1")) {
            assertThatThrownBy(() -> ClusterSpec.unauthenticated("destination", List.of(bad)))
                    .as(bad)
                    .hasMessageContaining("cluster 'destination'")
                    .hasMessageContaining("http(s)://host:port");
        }
        assertThatThrownBy(
                        () ->
                                new ClusterSpec(
                                        "s",
                                        List.of("http://c:1"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        Duration.ZERO))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> ClusterSpec.unauthenticated(" ", List.of("http://c:1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSerializableAndShowsNoSecrets() throws Exception {
        ClusterSpec spec =
                new ClusterSpec(
                        "source",
                        List.of("https://c1:8529"),
                        "root",
                        SecretRef.file("/etc/dc2dc/pw"),
                        SecretRef.env("DC2DC_JWT"),
                        new TlsSpec("/etc/dc2dc/ca.pem", true),
                        Duration.ofSeconds(30));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(spec);
        }
        assertThat(spec.toString())
                .contains("SecretRef[FILE /etc/dc2dc/pw]")
                .contains("SecretRef[ENV DC2DC_JWT]");
    }
}
