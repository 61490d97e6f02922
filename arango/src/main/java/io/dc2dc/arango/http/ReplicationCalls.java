package io.dc2dc.arango.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.error.ErrorContext;
import io.dc2dc.arango.error.ErrorNums;
import io.dc2dc.arango.wire.DumpStreamParser;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.arango.wire.MalformedBodyException;
import io.dc2dc.arango.wire.MarkerConsumer;
import io.dc2dc.arango.wire.ParseStats;
import io.dc2dc.arango.wire.RawDocumentConsumer;
import io.dc2dc.arango.wire.WalStreamParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * DB-server calls of the snapshot-then-tail protocol: batches (snapshots), shard inventory, dump,
 * WAL tail and last tick, each sent straight to the DB-server with a superuser JWT. Dump and tail
 * bodies are streamed to the consumer record by record. Thread-safe.
 */
final class ReplicationCalls {

    /** Registered as {@code clientInfo} with batches and tails (shown in logger-state). */
    static final String CLIENT_INFO = "dc2dc";

    private final HttpTransport transport;

    ReplicationCalls(HttpTransport transport) {
        this.transport = transport;
    }

    Batch createBatch(String serverId, String db, Duration ttl, long syncerId) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("ttl", ttlSeconds(ttl));
        Call call =
                Call.dbServer(
                                serverId,
                                "POST",
                                ApiPath.db(db)
                                        .path("/_api/replication/batch")
                                        .query("syncerId", syncerId > 0 ? syncerId : null)
                                        .query("clientInfo", CLIENT_INFO),
                                ErrorContext.database(db))
                        .withBody(json(body));
        return transport.execute(
                call,
                r -> {
                    JsonNode b = r.json();
                    if (!b.hasNonNull("id") || !b.hasNonNull("lastTick")) {
                        throw new MalformedBodyException("batch answer lacks id or lastTick: " + b);
                    }
                    return new Batch(b.get("id").asText(), parseTick(b.get("lastTick")));
                });
    }

    void extendBatch(String serverId, String db, String batchId, Duration ttl) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("ttl", ttlSeconds(ttl));
        transport.execute(
                Call.dbServer(
                                serverId,
                                "PUT",
                                ApiPath.db(db).path("/_api/replication/batch/").segment(batchId),
                                ErrorContext.database(db))
                        .withBody(json(body)),
                r -> null);
    }

    void deleteBatch(String serverId, String db, String batchId) {
        try {
            transport.execute(
                    Call.dbServer(
                            serverId,
                            "DELETE",
                            ApiPath.db(db).path("/_api/replication/batch/").segment(batchId),
                            ErrorContext.database(db)),
                    r -> null);
        } catch (ArangoException e) {
            // already expired or deleted: the goal (no batch) is reached
            if (e.errorNum() != ErrorNums.CURSOR_NOT_FOUND && e.httpStatus() != 404) {
                throw e;
            }
        }
    }

    /** The DB-server's local inventory of {@code db} under a batch (shards as collections). */
    JsonNode inventory(String serverId, String db, String batchId) {
        return transport.execute(
                Call.dbServer(
                        serverId,
                        "GET",
                        ApiPath.db(db)
                                .path("/_api/replication/inventory")
                                .query("batchId", batchId)
                                .query("includeSystem", true),
                        ErrorContext.database(db)),
                HttpTransport.Response::json);
    }

    /** The {@code globallyUniqueId} of a shard on its DB-server: the cuid of its WAL markers. */
    String shardGuid(String serverId, String db, String batchId, String shard) {
        JsonNode inventory = inventory(serverId, db, batchId);
        for (JsonNode c : inventory.path("collections")) {
            JsonNode p = c.path("parameters");
            if (shard.equals(p.path("name").asText(null)) && p.hasNonNull("globallyUniqueId")) {
                return p.get("globallyUniqueId").asText();
            }
        }
        throw ArangoException.client(
                transport.cluster(),
                "shard "
                        + shard
                        + " is not in the inventory of DB-server "
                        + serverId
                        + " (moved or dropped?)",
                ErrorContext.shard(db, null, shard),
                false);
    }

    DumpResult dump(
            String serverId,
            String db,
            String shard,
            String batchId,
            int chunkSizeBytes,
            RawDocumentConsumer consumer) {
        Call call =
                Call.dbServer(
                                serverId,
                                "GET",
                                ApiPath.db(db)
                                        .path("/_api/replication/dump")
                                        .query("collection", shard)
                                        .query("batchId", batchId)
                                        .query(
                                                "chunkSize",
                                                chunkSizeBytes > 0 ? chunkSizeBytes : null)
                                        .query("useEnvelope", false),
                                ErrorContext.shard(db, null, shard))
                        .accepting(Call.DUMP);
        return transport.execute(
                call,
                r -> {
                    ReplicationHeaders.requireDumpContentType(r);
                    boolean checkMore =
                            ReplicationHeaders.requiredBoolean(r, ReplicationHeaders.CHECK_MORE);
                    long lastIncluded =
                            ReplicationHeaders.number(r, ReplicationHeaders.LAST_INCLUDED, 0);
                    ParseStats stats;
                    try (InputStream in = r.body()) {
                        stats = DumpStreamParser.parse(in, consumer);
                    }
                    return new DumpResult(
                            r.status(), checkMore, lastIncluded, stats.records(), stats.bytes());
                });
    }

    TailResult tail(String serverId, TailRequest req, MarkerConsumer consumer) {
        Call call =
                Call.dbServer(
                                serverId,
                                "GET",
                                ApiPath.db(req.db())
                                        .path("/_api/wal/tail")
                                        .query("global", req.global() ? true : null)
                                        .query("collection", req.collection())
                                        .query("from", req.from())
                                        .query("lastScanned", req.lastScanned())
                                        .query(
                                                "chunkSize",
                                                req.chunkSize() > 0 ? req.chunkSize() : null)
                                        .query(
                                                "syncerId",
                                                req.syncerId() > 0 ? req.syncerId() : null)
                                        .query("clientInfo", CLIENT_INFO),
                                ErrorContext.shard(req.db(), null, req.collection()))
                        .accepting(Call.DUMP);
        return transport.execute(
                call,
                r -> {
                    ReplicationHeaders.requireDumpContentType(r);
                    // frompresent and lastincluded decide between "lost changes" and "continue":
                    // never guess them
                    boolean fromPresent =
                            ReplicationHeaders.requiredBoolean(r, ReplicationHeaders.FROM_PRESENT);
                    long lastIncluded =
                            ReplicationHeaders.requiredNumber(r, ReplicationHeaders.LAST_INCLUDED);
                    long lastScanned =
                            ReplicationHeaders.number(r, ReplicationHeaders.LAST_SCANNED, 0);
                    long lastTick = ReplicationHeaders.number(r, ReplicationHeaders.LAST_TICK, 0);
                    boolean checkMore =
                            ReplicationHeaders.requiredBoolean(r, ReplicationHeaders.CHECK_MORE);
                    ParseStats stats;
                    try (InputStream in = r.body()) {
                        stats = WalStreamParser.parse(in, consumer);
                    }
                    return new TailResult(
                            r.status(),
                            lastIncluded,
                            lastScanned,
                            lastTick,
                            checkMore,
                            fromPresent,
                            stats.records(),
                            stats.bytes());
                });
    }

    long lastTick(String serverId) {
        return transport.execute(
                Call.dbServer(
                        serverId,
                        "GET",
                        ApiPath.db("_system").path("/_api/wal/lastTick"),
                        ErrorContext.NONE),
                r -> {
                    JsonNode b = r.json();
                    if (!b.hasNonNull("tick")) {
                        throw new MalformedBodyException("wal/lastTick answer lacks tick: " + b);
                    }
                    return parseTick(b.get("tick"));
                });
    }

    static ByteArrayEntity json(JsonNode body) {
        try {
            return new ByteArrayEntity(
                    Json.MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static long ttlSeconds(Duration ttl) {
        long s = ttl.toSeconds();
        if (s < 1) {
            throw new IllegalArgumentException("batch ttl must be at least 1 s: " + ttl);
        }
        return s;
    }

    private static long parseTick(JsonNode tick) throws MalformedBodyException {
        try {
            return Long.parseUnsignedLong(tick.asText());
        } catch (NumberFormatException e) {
            throw new MalformedBodyException("tick is not a number: " + tick);
        }
    }
}
