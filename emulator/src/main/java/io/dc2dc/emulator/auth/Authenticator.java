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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Authenticates requests like arangod with a JWT secret configured: Basic auth against the users of
 * {@code _system/_users}, user JWTs from {@code /_open/auth}, and superuser JWTs (HS256 with the
 * cluster secret, no {@code preferred_username}). DB-servers accept only superuser JWTs. Verified
 * credentials are cached per header value. Thread-safe.
 *
 * <p>Like arangod with {@code --server.jwt-secret-keyfile} or {@code --server.jwt-secret-folder},
 * the secrets can be re-read from disk at run time ({@link #reload()}, {@code POST
 * /_admin/server/jwt}): the active secret signs, the passive ones are accepted too, so that a
 * secret can be rotated without a moment in which clients are refused.
 */
public final class Authenticator {
    /** arangod's lifetime of tokens from {@code /_open/auth}. */
    static final long USER_TOKEN_SECONDS = 3600;

    /** A verified credential; {@code keys} are the secrets it was verified with. */
    private record Cached(Principal principal, long usersVersion, long expiresMillis, Keys keys) {}

    /** The secrets in use: the first signs, all verify; SHA-256 of each for the API. */
    private record Keys(Algorithm signing, List<JWTVerifier> verifiers, List<String> sha256) {}

    private final UserStore users;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Keys keys;
    private volatile Path source;

    /** {@code secret == null} disables authentication. */
    public Authenticator(byte[] secret, UserStore users) {
        this.keys = secret == null ? null : keysOf(List.of(secret));
        this.users = users;
    }

    public boolean enabled() {
        return keys != null;
    }

    /**
     * Reads the secrets from {@code file} (one secret) or from every file of a folder (the first
     * name in sorted order is the active secret), now and on every {@link #reload()}.
     */
    public void watch(Path fileOrFolder) {
        this.source = fileOrFolder;
        reload();
    }

    /**
     * Re-reads the watched secret file or folder; afterwards tokens signed with a secret that is
     * gone are refused. A no-op without a watched source or with authentication off.
     *
     * @throws IllegalStateException if the source holds no secret (the old ones stay in use)
     */
    public synchronized void reload() {
        if (source == null || keys == null) {
            return;
        }
        List<byte[]> secrets = readSecrets(source);
        if (secrets.isEmpty()) {
            throw new IllegalStateException("no JWT secret in " + source);
        }
        keys = keysOf(secrets);
        cache.clear();
    }

    /** SHA-256 (hex) of the active secret, then of the passive ones; empty when disabled. */
    public List<String> secretHashes() {
        Keys k = keys;
        return k == null ? List.of() : k.sha256();
    }

    /** The secrets of a file, or of every regular file of a folder in name order, trimmed. */
    public static List<byte[]> readSecrets(Path fileOrFolder) {
        try {
            List<Path> files;
            if (Files.isDirectory(fileOrFolder)) {
                try (Stream<Path> list = Files.list(fileOrFolder)) {
                    files = list.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(fileOrFolder);
            }
            List<byte[]> secrets = new ArrayList<>();
            for (Path f : files) {
                String secret = Files.readString(f, StandardCharsets.UTF_8).trim();
                if (!secret.isEmpty()) {
                    secrets.add(secret.getBytes(StandardCharsets.UTF_8));
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWT secrets from " + fileOrFolder, e);
        }
    }

    private static Keys keysOf(List<byte[]> secrets) {
        List<JWTVerifier> verifiers = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (byte[] secret : secrets) {
            verifiers.add(JWT.require(Algorithm.HMAC256(secret)).acceptLeeway(5).build());
            hashes.add(sha256(secret));
        }
        return new Keys(Algorithm.HMAC256(secrets.get(0)), List.copyOf(verifiers), hashes);
    }

    private static String sha256(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who sent the request; throws 401 when credentials are missing or wrong. */
    public Principal authenticate(String authorization, ServerRole role) {
        if (keys == null) {
            return Principal.AUTH_OFF;
        }
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized();
        }
        long now = System.currentTimeMillis();
        Keys current = keys;
        Cached c = cache.get(authorization);
        long version = users.version();
        if (c == null
                || c.expiresMillis < now
                || c.keys != current // verified before a reload of the secrets
                || (!c.principal.superuser() && c.usersVersion != version)) {
            c = verify(authorization, version, now, current);
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

    private Cached verify(String authorization, long version, long now, Keys current) {
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
            return new Cached(Principal.user(user), version, now + 60_000, current);
        }
        if (scheme.equalsIgnoreCase("bearer")) {
            DecodedJWT jwt = verifyToken(value, current);
            long exp =
                    jwt.getExpiresAt() == null
                            ? now + 60_000
                            : Math.min(jwt.getExpiresAt().getTime(), now + 60_000);
            String user = jwt.getClaim("preferred_username").asString();
            if (user == null) {
                return new Cached(Principal.SUPERUSER, version, exp, current);
            }
            UserStore.User u = users.find(user);
            if (u == null || !u.active()) {
                throw unauthorized();
            }
            return new Cached(Principal.user(user), version, exp, current);
        }
        throw unauthorized();
    }

    /** The token verified by any of the current secrets; 401 if none accepts it. */
    private static DecodedJWT verifyToken(String token, Keys current) {
        for (JWTVerifier v : current.verifiers()) {
            try {
                return v.verify(token);
            } catch (JWTVerificationException e) {
                // try the next secret
            }
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
                .sign(keys.signing());
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
