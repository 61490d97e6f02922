package io.dc2dc.arango.http;

import java.nio.charset.StandardCharsets;

/**
 * Builds a request path with percent-encoded segments and query parameters, so that database,
 * collection and key names with any characters (ArangoDB 3.11+ allows Unicode names) reach the
 * server intact.
 *
 * <pre>ApiPath.db("shop").path("/_api/collection/").segment("orders 2024").path("/count")
 *     .query("withRevisions", true)  →  "/_db/shop/_api/collection/orders%202024/count?withRevisions=true"
 * </pre>
 *
 * Not thread-safe; build and discard.
 */
public final class ApiPath {

    private final StringBuilder sb = new StringBuilder(96);
    private boolean hasQuery;

    private ApiPath() {}

    /** A path in database {@code db}: {@code /_db/<db>}. */
    public static ApiPath db(String db) {
        return new ApiPath().path("/_db/").segment(db);
    }

    /** A path outside any database prefix (the server then uses {@code _system}). */
    public static ApiPath root() {
        return new ApiPath();
    }

    /** Appends literal path text (not encoded: use only constants). */
    public ApiPath path(String literal) {
        if (hasQuery) {
            throw new IllegalStateException("path after query");
        }
        sb.append(literal);
        return this;
    }

    /** Appends one percent-encoded path segment. */
    public ApiPath segment(String value) {
        if (hasQuery) {
            throw new IllegalStateException("path after query");
        }
        encode(value, sb);
        return this;
    }

    /** Adds a query parameter; null values are skipped. */
    public ApiPath query(String name, Object value) {
        if (value == null) {
            return this;
        }
        sb.append(hasQuery ? '&' : '?');
        hasQuery = true;
        encode(name, sb);
        sb.append('=');
        encode(String.valueOf(value), sb);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** Percent-encodes {@code value} for use as a path segment or query component. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        encode(value, out);
        return out.toString();
    }

    private static void encode(String value, StringBuilder out) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
