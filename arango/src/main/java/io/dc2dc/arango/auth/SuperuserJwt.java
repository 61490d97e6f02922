package io.dc2dc.arango.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Mints superuser JWTs for an ArangoDB cluster from its JWT secret, as cluster members and
 * ArangoSync do: HS256 over {@code {"iss":"arangodb","server_id":"dc2dc","iat":..,"exp":..}}.
 * DB-servers accept only such tokens.
 *
 * <p>A token is valid for {@link #VALIDITY} and re-minted {@link #RENEW_BEFORE} before it expires,
 * or at once when the secret changes (the secret file is re-read on change, see {@link SecretRef}).
 * Like arangod, surrounding spaces, tabs and line breaks of the secret are ignored. Thread-safe;
 * the fast path is a volatile read plus a secret-cache check.
 */
public final class SuperuserJwt {

    /** Lifetime of a minted token. */
    public static final Duration VALIDITY = Duration.ofHours(1);

    /** A token is replaced this long before it expires. */
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private record Minted(byte[] key, String token, Instant renewAt) {}

    private final SecretRef secret;
    private final String serverId;
    private final Clock clock;
    private volatile Minted current;

    /** Tokens signed with {@code secret}, claiming {@code server_id = "dc2dc"}. */
    public SuperuserJwt(SecretRef secret) {
        this(secret, "dc2dc", Clock.systemUTC());
    }

    /** Tokens with an explicit {@code server_id} claim and clock (tests). */
    public SuperuserJwt(SecretRef secret, String serverId, Clock clock) {
        if (!secret.isPresent()) {
            throw new IllegalArgumentException("a superuser JWT needs a JWT secret");
        }
        this.secret = secret;
        this.serverId = Objects.requireNonNull(serverId, "serverId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A currently valid token (without the {@code bearer} prefix).
     *
     * @throws IllegalStateException if the secret cannot be read or is unusable
     */
    public String token() {
        byte[] key = signingKey();
        Instant now = clock.instant();
        Minted m = current;
        if (m != null && now.isBefore(m.renewAt()) && Arrays.equals(m.key(), key)) {
            return m.token();
        }
        synchronized (this) {
            m = current;
            if (m != null && now.isBefore(m.renewAt()) && Arrays.equals(m.key(), key)) {
                return m.token();
            }
            Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
            Instant expires = issued.plus(VALIDITY);
            String token =
                    JWT.create()
                            .withIssuer("arangodb")
                            .withClaim("server_id", serverId)
                            .withIssuedAt(issued)
                            .withExpiresAt(expires)
                            .sign(Algorithm.HMAC256(key));
            current = new Minted(key, token, expires.minus(RENEW_BEFORE));
            return token;
        }
    }

    private byte[] signingKey() {
        byte[] raw = secret.resolve();
        int from = 0;
        int to = raw.length;
        while (from < to && isTrimmed(raw[from])) {
            from++;
        }
        while (to > from && isTrimmed(raw[to - 1])) {
            to--;
        }
        byte[] key = Arrays.copyOfRange(raw, from, to);
        Arrays.fill(raw, (byte) 0);
        if (key.length == 0) {
            throw new IllegalStateException("the JWT secret " + secret + " is empty");
        }
        if (new String(key, 0, Math.min(key.length, 10), StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN")) {
            throw new IllegalStateException(
                    "the JWT secret "
                            + secret
                            + " is a PEM key (ES256); only HS256 secrets are supported");
        }
        return key;
    }

    private static boolean isTrimmed(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
