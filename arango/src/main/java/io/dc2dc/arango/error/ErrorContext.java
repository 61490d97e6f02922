package io.dc2dc.arango.error;

/**
 * What a failed request was about, for error messages: database, collection, shard and document
 * key, each {@code null} when not applicable.
 *
 * <pre>
 * ErrorContext.shard("shop", "orders", "s2010062")  →  "database=shop, collection=orders, shard=s2010062"
 * </pre>
 */
public record ErrorContext(String database, String collection, String shard, String key) {

    /** No context. */
    public static final ErrorContext NONE = new ErrorContext(null, null, null, null);

    /** A request about a database. */
    public static ErrorContext database(String database) {
        return new ErrorContext(database, null, null, null);
    }

    /** A request about a collection. */
    public static ErrorContext collection(String database, String collection) {
        return new ErrorContext(database, collection, null, null);
    }

    /** A request about one shard ({@code collection} may be null when only the shard is known). */
    public static ErrorContext shard(String database, String collection, String shard) {
        return new ErrorContext(database, collection, shard, null);
    }

    /** The same context narrowed to one document key. */
    public ErrorContext withKey(String newKey) {
        return new ErrorContext(database, collection, shard, newKey);
    }

    /** True if no field is set. */
    public boolean isEmpty() {
        return database == null && collection == null && shard == null && key == null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb, "database", database);
        append(sb, "collection", collection);
        append(sb, "shard", shard);
        append(sb, "key", key);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(name).append('=').append(value);
        }
    }
}
