package io.dc2dc.emulator.http;

/**
 * Who sent a request: a named user (basic auth or user JWT), the cluster-internal superuser (JWT
 * signed with the cluster secret, no user claim), or nobody when authentication is off.
 *
 * @param user user name, or {@code null} for the superuser / unauthenticated access
 * @param superuser true for superuser JWTs (and in-process forwarding)
 */
public record Principal(String user, boolean superuser) {
    /**
     * Used for every request when no JWT secret is configured: acts as root, but is not a
     * superuser, so read-only mode still applies.
     */
    public static final Principal AUTH_OFF = new Principal("root", false);

    public static final Principal SUPERUSER = new Principal(null, true);

    public static Principal user(String name) {
        return new Principal(name, false);
    }
}
