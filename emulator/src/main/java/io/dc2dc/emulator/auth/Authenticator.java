package io.dc2dc.emulator.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Principal;
import io.dc2dc.emulator.http.ServerRole;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates requests like arangod with a JWT secret configured: Basic auth against the users of
 * {@code _system/_users}, user JWTs from {@code /_open/auth}, and superuser JWTs (HS256 with the
 * cluster secret, no {@code preferred_username}). DB-servers accept only superuser JWTs. Verified
 * credentials are cached per header value. Thread-safe.
 */
public final class Authenticator {
    /** arangod's lifetime of tokens from {@code /_open/auth}. */
    static final long USER_TOKEN_SECONDS = 3600;

    private record Cached(Principal principal, long usersVersion, long expiresMillis) {}

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final UserStore users;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** {@code secret == null} disables authentication. */
    public Authenticator(byte[] secret, UserStore users) {
        this.algorithm = secret == null ? null : Algorithm.HMAC256(secret);
        this.verifier = secret == null ? null : JWT.require(algorithm).acceptLeeway(5).build();
        this.users = users;
    }

    public boolean enabled() {
        return algorithm != null;
    }

    /** Who sent the request; throws 401 when credentials are missing or wrong. */
    public Principal authenticate(String authorization, ServerRole role) {
        if (algorithm == null) {
            return Principal.AUTH_OFF;
        }
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized();
        }
        long now = System.currentTimeMillis();
        Cached c = cache.get(authorization);
        long version = users.version();
        if (c == null
                || c.expiresMillis < now
                || (!c.principal.superuser() && c.usersVersion != version)) {
            c = verify(authorization, version, now);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(authorization, c);
        }
        if (role == ServerRole.DBSERVER && !c.principal.superuser()) {
            throw unauthorized();
        }
        return c.principal;
    }

    private Cached verify(String authorization, long version, long now) {
        int sp = authorization.indexOf(' ');
        String scheme = sp < 0 ? authorization : authorization.substring(0, sp);
        String value = sp < 0 ? "" : authorization.substring(sp + 1).trim();
        if (scheme.equalsIgnoreCase("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw unauthorized();
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String pass = colon < 0 ? "" : decoded.substring(colon + 1);
            if (!users.checkPassword(users.find(user), pass)) {
                throw unauthorized();
            }
            return new Cached(Principal.user(user), version, now + 60_000);
        }
        if (scheme.equalsIgnoreCase("bearer")) {
            DecodedJWT jwt;
            try {
                jwt = verifier.verify(value);
            } catch (JWTVerificationException e) {
                throw unauthorized();
            }
            long exp =
                    jwt.getExpiresAt() == null
                            ? now + 60_000
                            : Math.min(jwt.getExpiresAt().getTime(), now + 60_000);
            String user = jwt.getClaim("preferred_username").asString();
            if (user == null) {
                return new Cached(Principal.SUPERUSER, version, exp);
            }
            UserStore.User u = users.find(user);
            if (u == null || !u.active()) {
                throw unauthorized();
            }
            return new Cached(Principal.user(user), version, exp);
        }
        throw unauthorized();
    }

    /** {@code POST /_open/auth}: a user JWT for valid credentials. */
    public String login(String user, String password) {
        if (!users.checkPassword(users.find(user), password)) {
            throw new ApiException(ErrorCode.HTTP_UNAUTHORIZED, "Wrong credentials");
        }
        Instant now = Instant.now();
        return JWT.create()
                .withIssuer("arangodb")
                .withClaim("preferred_username", user)
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plusSeconds(USER_TOKEN_SECONDS)))
                .sign(algorithm);
    }

    /** A superuser JWT as cluster-internal clients mint it from the shared secret. */
    public static String superuserToken(byte[] secret, String serverId) {
        Instant now = Instant.now();
        return JWT.create()
                .withIssuer("arangodb")
                .withClaim("server_id", serverId)
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plusSeconds(3600)))
                .sign(Algorithm.HMAC256(secret));
    }

    public static ApiException unauthorized() {
        return new ApiException(ErrorCode.HTTP_UNAUTHORIZED);
    }
}
