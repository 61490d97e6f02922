package io.dc2dc.emulator.replication;

import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;
import io.dc2dc.emulator.wal.Markers;
import io.dc2dc.emulator.wal.WalEntry;
import io.dc2dc.emulator.wal.WalLog;
import java.io.ByteArrayOutputStream;

/**
 * One {@code /_api/wal/tail} scan over a DB-server's WAL: filters markers by database (or {@code
 * global}), shard and system-collection rules, suppresses markers of dropped collections and
 * databases (except the drop marker itself, as arangod does), stops after {@code chunkSize} bytes
 * but never inside a transaction group, and computes the five replication headers. Stateless apart
 * from its parameters.
 */
public final class WalTailer {
    /** Tail parameters after validation. */
    public record Request(
            Database database,
            boolean global,
            ShardReplica collection,
            boolean includeSystem,
            boolean includeFoxxQueues,
            long from,
            long to,
            long lastScanned,
            long chunkSize) {}

    /** The body and header values of one tail answer. */
    public record Result(
            byte[] body,
            long lastIncluded,
            long lastScanned,
            long lastTick,
            boolean checkMore,
            boolean fromPresent) {}

    private WalTailer() {}

    public static Result tail(DbServer server, Request q) {
        WalLog wal = server.wal();
        long lastTick = server.lastTick();
        boolean fromPresent = Long.compareUnsigned(q.from(), wal.purgedUpTo()) >= 0;
        long scanFrom = Math.max(q.from(), q.lastScanned());
        long idx = wal.firstAfter(scanFrom);
        long end = wal.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        long lastIncluded = 0;
        long lastScanned = 0;
        boolean inGroup = false;
        for (; idx < end; idx++) {
            WalEntry e = wal.get(idx);
            if (e == null) {
                // purged while we scanned: the client must notice on its next call
                fromPresent = false;
                break;
            }
            if (e.tick() > lastTick || e.tick() > q.to()) {
                break;
            }
            lastScanned = e.tick();
            boolean include = matches(e, q);
            if (e.type() == Markers.BEGIN_TRANSACTION) {
                inGroup = include;
            } else if (e.type() == Markers.COMMIT_TRANSACTION) {
                inGroup = false;
            }
            if (include) {
                e.render(out);
                lastIncluded = e.tick();
            }
            if (!inGroup && out.size() >= q.chunkSize()) {
                break;
            }
        }
        if (lastScanned == 0) {
            lastScanned = Math.min(scanFrom, lastTick);
        }
        boolean checkMore = lastIncluded > 0 && lastIncluded < lastTick;
        return new Result(
                out.toByteArray(), lastIncluded, lastScanned, lastTick, checkMore, fromPresent);
    }

    static boolean matches(WalEntry e, Request q) {
        Database db = e.database();
        int type = e.type();
        if (!q.global() && db != q.database()) {
            return false;
        }
        if (db.dropped() && type != Markers.DROP_DATABASE) {
            return false;
        }
        if (type == Markers.CREATE_DATABASE || type == Markers.DROP_DATABASE) {
            return q.collection() == null;
        }
        if (type == Markers.BEGIN_TRANSACTION || type == Markers.COMMIT_TRANSACTION) {
            for (ShardReplica r : e.touchedReplicas()) {
                if (replicaMatches(r, Markers.DOCUMENT, q)) {
                    return true;
                }
            }
            return false;
        }
        ShardReplica r = e.replica();
        return r != null && replicaMatches(r, type, q);
    }

    private static boolean replicaMatches(ShardReplica r, int type, Request q) {
        if (r.dropped() && type != Markers.DROP_COLLECTION) {
            return false;
        }
        if (q.collection() != null && q.collection() != r) {
            return false;
        }
        // The tailed server is a DB-server; its local collection is the shard (named s<id>), so
        // arangod's name-based exclusions never match (as for the inventory).
        String name = r.shard().name();
        return !Exclusions.excluded(name, q.includeSystem(), q.includeFoxxQueues());
    }
}
