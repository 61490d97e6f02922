package io.dc2dc.arango.http;

/**
 * The outcome of one {@code /_api/wal/tail} call, from its {@code x-arango-replication-*} headers.
 *
 * <pre>
 * 200, lastIncluded 184793, lastScanned 184819, lastTick 184819, checkMore true, fromPresent true
 * </pre>
 *
 * @param status 200 (markers delivered) or 204 (none)
 * @param lastIncluded tick of the last marker delivered, 0 if none: the next {@code from}
 * @param lastScanned tick of the last write batch scanned: the next {@code lastScanned}
 * @param lastTick the server's latest tick (lag in ticks = lastTick - lastIncluded)
 * @param checkMore more markers are available right now
 * @param fromPresent false if the WAL no longer reaches back to {@code from}: changes were lost and
 *     the affected shards need a resync
 * @param markers markers handed to the consumer
 * @param bytes body bytes read
 */
public record TailResult(
        int status,
        long lastIncluded,
        long lastScanned,
        long lastTick,
        boolean checkMore,
        boolean fromPresent,
        long markers,
        long bytes) {}
