package io.dc2dc.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Immutable settings of an emulated cluster; build with {@link #builder()}.
 *
 * <pre>
 * EmulatorConfig.builder().dbServers(3).jwtSecret(secret).walRetention(Duration.ofSeconds(5)).build()
 * </pre>
 */
public final class EmulatorConfig {
    /** A PKCS12/JKS key store for HTTPS endpoints ({@code ssl://} in cluster metadata). */
    public record Tls(Path keyStore, String password) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }
    }

    private final int coordinators;
    private final int dbServers;
    private final byte[] jwtSecret;
    private final Path jwtSecretSource;
    private final String rootPassword;
    private final Duration walRetention;
    private final String host;
    private final String version;
    private final Tls tls;
    private final int coordinatorPort;

    private EmulatorConfig(Builder b) {
        this.coordinators = b.coordinators;
        this.dbServers = b.dbServers;
        this.jwtSecret = b.jwtSecret == null ? null : b.jwtSecret.clone();
        this.jwtSecretSource = b.jwtSecretSource;
        this.rootPassword = b.rootPassword;
        this.walRetention = b.walRetention;
        this.host = b.host;
        this.version = b.version;
        this.tls = b.tls;
        this.coordinatorPort = b.coordinatorPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int coordinators() {
        return coordinators;
    }

    public int dbServers() {
        return dbServers;
    }

    /** The cluster JWT secret, or null when authentication is off. */
    public byte[] jwtSecret() {
        return jwtSecret == null ? null : jwtSecret.clone();
    }

    /**
     * The secret file or folder that {@code POST /_admin/server/jwt} re-reads (like arangod's
     * {@code --server.jwt-secret-keyfile} / {@code --server.jwt-secret-folder}), or null.
     */
    public Path jwtSecretSource() {
        return jwtSecretSource;
    }

    public String rootPassword() {
        return rootPassword;
    }

    public Duration walRetention() {
        return walRetention;
    }

    public String host() {
        return host;
    }

    public String version() {
        return version;
    }

    /** TLS settings, or null for plain HTTP. */
    public Tls tls() {
        return tls;
    }

    /** Port of the first coordinator; 0 picks a free port. */
    public int coordinatorPort() {
        return coordinatorPort;
    }

    /** Builder with the defaults of the public API. */
    public static final class Builder {
        private int coordinators = 1;
        private int dbServers = 3;
        private byte[] jwtSecret;
        private Path jwtSecretSource;
        private String rootPassword = "";
        private Duration walRetention = Duration.ofMinutes(10);
        private String host = "127.0.0.1";
        private String version = "3.12.4";
        private Tls tls;
        private int coordinatorPort;

        private Builder() {}

        public Builder coordinators(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("coordinators must be >= 1, got " + n);
            }
            this.coordinators = n;
            return this;
        }

        public Builder dbServers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("dbServers must be >= 1, got " + n);
            }
            this.dbServers = n;
            return this;
        }

        /** Enables authentication with this JWT secret; null turns authentication off. */
        public Builder jwtSecret(byte[] secret) {
            this.jwtSecret = secret == null ? null : secret.clone();
            return this;
        }

        /**
         * Enables authentication with the secret(s) of a file or folder (every file in it; the
         * first name in sorted order is the active secret, the others are accepted too), re-read on
         * {@code POST /_admin/server/jwt}.
         */
        public Builder jwtSecretSource(Path fileOrFolder) {
            List<byte[]> secrets = io.dc2dc.emulator.auth.Authenticator.readSecrets(fileOrFolder);
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException("no JWT secret in " + fileOrFolder);
            }
            this.jwtSecret = secrets.get(0);
            this.jwtSecretSource = fileOrFolder;
            return this;
        }

        public Builder rootPassword(String password) {
            this.rootPassword = Objects.requireNonNull(password, "rootPassword");
            return this;
        }

        public Builder walRetention(Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("walRetention must be >= 0");
            }
            this.walRetention = d;
            return this;
        }

        public Builder host(String h) {
            this.host = Objects.requireNonNull(h, "host");
            return this;
        }

        public Builder version(String v) {
            this.version = Objects.requireNonNull(v, "version");
            return this;
        }

        public Builder tls(Tls t) {
            this.tls = t;
            return this;
        }

        public Builder tls(Path keyStore, String password) {
            return tls(new Tls(keyStore, password));
        }

        public Builder coordinatorPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.coordinatorPort = port;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }
    }
}
