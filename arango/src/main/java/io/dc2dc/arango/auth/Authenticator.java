package io.dc2dc.arango.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * Chooses the {@code Authorization} header per kind of server of one cluster.
 *
 * <ul>
 *   <li>Coordinators: a superuser JWT when a JWT secret is configured, else Basic auth with
 *       username and password, else nothing (authentication disabled).
 *   <li>DB-servers: a superuser JWT — they accept nothing else — or nothing when no secret is
 *       configured (the server then answers 401 unless authentication is off).
 * </ul>
 *
 * <p>Secrets are resolved per call (cheaply, see {@link SecretRef}) so that rotated passwords and
 * JWT secrets take effect at once. Thread-safe.
 */
public final class Authenticator {

    /**
     * An {@code Authorization} header value (null = send none) and a description of it for error
     * messages that never contains the secret.
     */
    public record Credential(String header, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final Credential NONE = new Credential(null, "no credentials");

    private final String username;
    private final SecretRef password;
    private final SuperuserJwt jwt;

    /**
     * @param username user for Basic auth, may be null when a JWT secret is given
     * @param password the user's password, {@link SecretRef#none()} for an empty password
     * @param jwtSecret the cluster's JWT secret or {@link SecretRef#none()}
     */
    public Authenticator(String username, SecretRef password, SecretRef jwtSecret) {
        this(username, password, jwtSecret, Clock.systemUTC());
    }

    /** As above with an explicit clock for token expiry (tests). */
    public Authenticator(String username, SecretRef password, SecretRef jwtSecret, Clock clock) {
        this.username = username;
        this.password = password == null ? SecretRef.none() : password;
        this.jwt =
                jwtSecret != null && jwtSecret.isPresent()
                        ? new SuperuserJwt(jwtSecret, "dc2dc", clock)
                        : null;
    }

    /** The credential for a coordinator request. */
    public Credential coordinator() {
        if (jwt != null) {
            return superuser();
        }
        if (username != null) {
            String pw = password.isPresent() ? password.resolveString() : "";
            String pair = username + ":" + pw;
            return new Credential(
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    "basic auth as user '" + username + "'");
        }
        return NONE;
    }

    /** The credential for a DB-server request. */
    public Credential dbServer() {
        return jwt != null ? superuser() : NONE;
    }

    /** True if DB-servers can be authenticated against (a JWT secret is configured). */
    public boolean hasJwtSecret() {
        return jwt != null;
    }

    private Credential superuser() {
        return new Credential("bearer " + jwt.token(), "a superuser JWT from the JWT secret");
    }
}
