package io.dc2dc.arango.http;

import io.dc2dc.arango.auth.SecretRef;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach and authenticate against one ArangoDB cluster. Immutable and serializable (it
 * travels inside Flink sources and sinks); holds no secret values, only where to read them.
 *
 * <pre>new ClusterSpec("source", List.of("https://coord-1:8529", "https://coord-2:8529"), "root",
 *     SecretRef.file("/etc/dc2dc/pw"), SecretRef.file("/etc/dc2dc/jwt"),
 *     new TlsSpec("/etc/dc2dc/ca.pem", true), Duration.ofSeconds(60))</pre>
 *
 * @param name "source" or "destination", used in messages
 * @param endpoints coordinator base URLs {@code http(s)://host:port}; the client uses the first and
 *     moves on to the next when one cannot be reached
 * @param username user for Basic auth; may be null when a JWT secret is given
 * @param password the user's password ({@link SecretRef#none()} if empty)
 * @param jwtSecret the cluster's JWT secret, needed for DB-server access ({@link SecretRef#none()}
 *     if authentication is off)
 * @param tls TLS settings; null means {@link TlsSpec#defaults()}
 * @param requestTimeout socket read timeout per request; null means 60 s
 */
public record ClusterSpec(
        String name,
        List<String> endpoints,
        String username,
        SecretRef password,
        SecretRef jwtSecret,
        TlsSpec tls,
        Duration requestTimeout)
        implements Serializable {

    /** Used when {@code requestTimeout} is null. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public ClusterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a cluster needs a name");
        }
        if (endpoints == null || endpoints.isEmpty()) {
            throw new IllegalArgumentException(
                    "cluster '" + name + "' needs at least one endpoint");
        }
        List<String> normalized = new ArrayList<>(endpoints.size());
        for (String endpoint : endpoints) {
            normalized.add(normalize(name, endpoint));
        }
        endpoints = List.copyOf(normalized);
        password = password == null ? SecretRef.none() : password;
        jwtSecret = jwtSecret == null ? SecretRef.none() : jwtSecret;
        tls = tls == null ? TlsSpec.defaults() : tls;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "cluster '" + name + "': requestTimeout must be positive: " + requestTimeout);
        }
    }

    /** A cluster without authentication and TLS, e.g. an emulator in tests. */
    public static ClusterSpec unauthenticated(String name, List<String> endpoints) {
        return new ClusterSpec(name, endpoints, null, null, null, null, null);
    }

    private static String normalize(String cluster, String endpoint) {
        String e = endpoint == null ? "" : endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        try {
            URI uri = new URI(e);
            boolean schemeOk = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare =
                    (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                            && uri.getRawQuery() == null
                            && uri.getRawFragment() == null
                            && uri.getRawUserInfo() == null;
            if (schemeOk && uri.getHost() != null && bare) {
                return e;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                "cluster '"
                        + cluster
                        + "': endpoint '"
                        + endpoint
                        + "' is not of the form http(s)://host:port");
    }
}
