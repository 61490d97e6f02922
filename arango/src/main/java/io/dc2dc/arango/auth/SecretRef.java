package io.dc2dc.arango.auth;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a secret is read from — a file or an environment variable — never the secret itself, so
 * that it can travel in configuration and job graphs (which the Flink web UI shows) safely.
 *
 * <pre>SecretRef.file("/etc/dc2dc/source.jwt")   toString → "SecretRef[FILE /etc/dc2dc/source.jwt]"
 * </pre>
 *
 * <p>{@link #resolve()} reads the file again whenever its modification time, size or identity
 * (inode, so an atomic rename or a Kubernetes secret-volume swap counts) changes, so rotated
 * secrets take effect without a restart. Thread-safe.
 */
public record SecretRef(Kind kind, String name) implements Serializable {

    /** Where the secret lives. */
    public enum Kind {
        /** {@code name} is a file path; the file's bytes are the secret. */
        FILE,
        /** {@code name} is an environment variable; its UTF-8 bytes are the secret. */
        ENV,
        /** No secret configured; {@code name} is null. */
        NONE
    }

    private static final SecretRef NONE_REF = new SecretRef(Kind.NONE, null);

    public SecretRef {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NONE) {
            name = null;
        } else if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " secret reference needs a name");
        }
    }

    /** The secret held in file {@code path}. */
    public static SecretRef file(String path) {
        return new SecretRef(Kind.FILE, path);
    }

    /** The secret held in environment variable {@code variable}. */
    public static SecretRef env(String variable) {
        return new SecretRef(Kind.ENV, variable);
    }

    /** No secret. */
    public static SecretRef none() {
        return NONE_REF;
    }

    /** True unless this is {@link Kind#NONE}. */
    public boolean isPresent() {
        return kind != Kind.NONE;
    }

    /**
     * The secret's current bytes (a fresh copy the caller may clear), or null for {@link
     * Kind#NONE}.
     *
     * @throws IllegalStateException if the file cannot be read or the variable is not set; the
     *     message names the file or variable, never the content
     */
    public byte[] resolve() {
        switch (kind) {
            case FILE:
                return FileSecretCache.read(name);
            case ENV:
                String value = System.getenv(name);
                if (value == null) {
                    throw new IllegalStateException(
                            "environment variable " + name + " holding a secret is not set");
                }
                return value.getBytes(StandardCharsets.UTF_8);
            default:
                return null;
        }
    }

    /**
     * The secret as text (UTF-8), with one trailing line break removed because files written by
     * editors and {@code echo} end with one; null for {@link Kind#NONE}.
     */
    public String resolveString() {
        byte[] bytes = resolve();
        if (bytes == null) {
            return null;
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "SecretRef[NONE]" : "SecretRef[" + kind + " " + name + "]";
    }
}
