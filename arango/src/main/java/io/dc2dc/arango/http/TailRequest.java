package io.dc2dc.arango.http;

/**
 * Parameters of one {@code GET /_db/{db}/_api/wal/tail} call.
 *
 * <pre>TailRequest.global(7312230, 7312251, 1 &lt;&lt; 20, 4711)
 *   → GET /_db/_system/_api/wal/tail?global=true&amp;from=7312230&amp;lastScanned=7312251
 *         &amp;chunkSize=1048576&amp;syncerId=4711</pre>
 *
 * @param db database to tail ({@code _system} when {@code global})
 * @param global all databases of the server
 * @param from exclusive lower tick bound: the previous {@code lastIncluded} (or the batch's {@code
 *     lastTick})
 * @param lastScanned the previous {@code lastScanned}, 0 at first; lets the server resume inside a
 *     large write batch
 * @param chunkSize approximate response size in bytes; 0 = server default (1 MiB)
 * @param syncerId stable client id registering the position for WAL retention; 0 = none
 * @param collection restrict to one collection or shard of {@code db}; null = all
 */
public record TailRequest(
        String db,
        boolean global,
        long from,
        long lastScanned,
        int chunkSize,
        long syncerId,
        String collection) {

    public TailRequest {
        if (db == null || db.isEmpty()) {
            throw new IllegalArgumentException("a tail request needs a database");
        }
        if (global && !"_system".equals(db)) {
            throw new IllegalArgumentException("global tailing runs in _system, not " + db);
        }
        if (from < 0 || lastScanned < 0 || chunkSize < 0 || syncerId < 0) {
            throw new IllegalArgumentException(
                    "negative tail parameter: from="
                            + from
                            + " lastScanned="
                            + lastScanned
                            + " chunkSize="
                            + chunkSize
                            + " syncerId="
                            + syncerId);
        }
    }

    /** All databases of the server. */
    public static TailRequest global(long from, long lastScanned, int chunkSize, long syncerId) {
        return new TailRequest("_system", true, from, lastScanned, chunkSize, syncerId, null);
    }

    /** One database. */
    public static TailRequest database(
            String db, long from, long lastScanned, int chunkSize, long syncerId) {
        return new TailRequest(db, false, from, lastScanned, chunkSize, syncerId, null);
    }

    /** One shard (a local collection {@code s<id>} on the DB-server). */
    public static TailRequest shard(
            String db, String shard, long from, long lastScanned, int chunkSize, long syncerId) {
        return new TailRequest(db, false, from, lastScanned, chunkSize, syncerId, shard);
    }
}
