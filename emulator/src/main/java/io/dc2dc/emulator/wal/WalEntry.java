package io.dc2dc.emulator.wal;

import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.storage.ShardReplica;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One marker of a DB-server's write-ahead log, printed by {@code /_api/wal/tail} as one line:
 *
 * <pre>{"tick":"7312230","type":2300,"db":"shop","cuid":"c2010061/s2010062","tid":"0","data":{...}}
 * </pre>
 *
 * <p>Field order follows arangod's RocksDB WAL printer: {@code tick, type, db, cuid, tid, data} for
 * documents, {@code tick, type, tid, db} for transaction begin/commit. Immutable.
 */
public final class WalEntry {
    final long tick;
    final int type;
    final Database database;
    final ShardReplica replica;
    final long tid;
    final byte[] data;
    final long timeMillis;

    /** Replicas a transaction touches (begin/commit markers only), for collection filters. */
    final Set<ShardReplica> touched;

    public WalEntry(
            long tick,
            int type,
            Database database,
            ShardReplica replica,
            long tid,
            byte[] data,
            long timeMillis,
            Set<ShardReplica> touched) {
        this.tick = tick;
        this.type = type;
        this.database = database;
        this.replica = replica;
        this.tid = tid;
        this.data = data;
        this.timeMillis = timeMillis;
        this.touched = touched;
    }

    public long tick() {
        return tick;
    }

    public int type() {
        return type;
    }

    public Database database() {
        return database;
    }

    public ShardReplica replica() {
        return replica;
    }

    /** Replicas a transaction touches (begin/commit markers), else empty. */
    public Set<ShardReplica> touchedReplicas() {
        return touched == null ? Set.of() : touched;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** Writes the marker as one compact JSON line terminated by a newline. */
    public void render(ByteArrayOutputStream out) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("{\"tick\":\"").append(Long.toUnsignedString(tick)).append("\",\"type\":");
        sb.append(type);
        if (type == Markers.BEGIN_TRANSACTION || type == Markers.COMMIT_TRANSACTION) {
            sb.append(",\"tid\":\"").append(tid).append("\",\"db\":");
            Json.appendQuoted(sb, database.name());
            sb.append("}\n");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        sb.append(",\"db\":");
        Json.appendQuoted(sb, database.name());
        if (replica != null) {
            sb.append(",\"cuid\":");
            Json.appendQuoted(sb, replica.shard().cuid());
        }
        if (type == Markers.DOCUMENT || type == Markers.REMOVE) {
            sb.append(",\"tid\":\"").append(tid).append('"');
        }
        if (data != null) {
            sb.append(",\"data\":");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(data);
            out.write('}');
            out.write('\n');
        } else {
            sb.append("}\n");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Approximate rendered size, for chunking without rendering twice. */
    public int approximateSize() {
        return 90 + (data == null ? 0 : data.length);
    }
}
