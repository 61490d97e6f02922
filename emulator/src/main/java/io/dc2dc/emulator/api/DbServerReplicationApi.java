package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.replication.Exclusions;
import io.dc2dc.emulator.service.CollectionService;
import io.dc2dc.emulator.service.meta.IndexService;
import io.dc2dc.emulator.storage.Batch;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DumpCursor;
import io.dc2dc.emulator.storage.ShardReplica;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A DB-server's snapshot side of the replication API: batches (§3.1), dump (§3.2), the local
 * inventory of its shards (§2.1) and {@code logger-state} (§5.4). Needs admin rights.
 */
final class DbServerReplicationApi {
    /** arangod's default batch TTL when none or 0 is given (seconds). */
    static final long DEFAULT_BATCH_TTL = 7200;

    private static final long DEFAULT_CHUNK = 128 * 1024;
    private static final long MAX_CHUNK = 128L * 1024 * 1024;

    private final ApiContext ctx;
    private final DbServer server;

    DbServerReplicationApi(ApiContext ctx, DbServer server) {
        this.ctx = ctx;
        this.server = server;
    }

    void register(Router r) {
        r.post("/_api/replication/batch", this::createBatch);
        r.put("/_api/replication/batch/{id}", this::extendBatch);
        r.delete("/_api/replication/batch/{id}", this::deleteBatch);
        r.get("/_api/replication/dump", this::dump);
        r.get("/_api/replication/inventory", this::inventory);
        r.get("/_api/replication/logger-state", req -> loggerState(req));
        r.get(
                "/_api/replication/clusterInventory",
                req -> {
                    throw new ApiException(ErrorCode.CLUSTER_ONLY_ON_COORDINATOR);
                });
    }

    private static long ttl(ApiRequest req) {
        JsonNode body = Json.parse(req.body());
        long ttl = body != null && body.isObject() ? body.path("ttl").asLong(0) : 0;
        return ttl <= 0 ? DEFAULT_BATCH_TTL : ttl;
    }

    private void track(ApiRequest req, long tick) {
        server.clients()
                .track(req.param("syncerId"), req.param("serverId"), req.param("clientInfo"), tick);
    }

    private ApiResponse createBatch(ApiRequest req) {
        ctx.requireAdmin(req);
        Batch b = server.createBatch(ttl(req));
        track(req, b.snapshotTick());
        ObjectNode o = Json.object();
        o.put("id", b.id());
        o.put("lastTick", Long.toString(b.snapshotTick()));
        if (req.boolParam("state", false)) {
            o.set("state", state(b.snapshotTick()));
        }
        return ApiResponse.json(200, o);
    }

    private ApiResponse extendBatch(ApiRequest req) {
        ctx.requireAdmin(req);
        Batch b = server.batch(req.pathParam("id"));
        if (b == null || !server.extendBatch(b.id(), ttl(req))) {
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND);
        }
        track(req, b.snapshotTick());
        return ApiResponse.empty(204);
    }

    private ApiResponse deleteBatch(ApiRequest req) {
        ctx.requireAdmin(req);
        if (!server.deleteBatch(req.pathParam("id"))) {
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND);
        }
        return ApiResponse.empty(204);
    }

    private ShardReplica localCollection(ApiRequest req, String name) {
        ShardReplica r = server.replica(name);
        if (r == null || r.shard().collection().database() != ctx.db(req)) {
            throw ApiException.dataSourceNotFound(name);
        }
        return r;
    }

    private ApiResponse dump(ApiRequest req) {
        ctx.requireAdmin(req);
        String collection = req.param("collection");
        if (collection == null || collection.isEmpty()) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "invalid collection parameter");
        }
        String batchId = req.param("batchId");
        if (batchId == null || batchId.isEmpty()) {
            throw new ApiException(
                    ErrorCode.HTTP_BAD_PARAMETER, 404, "replication dump - request misses batchId");
        }
        Batch b = server.batch(batchId);
        if (b == null) {
            throw new ApiException(
                    ErrorCode.HTTP_BAD_PARAMETER,
                    404,
                    "replication dump - unable to find context (it could be expired)");
        }
        ShardReplica r = localCollection(req, collection);
        long chunk = Math.min(MAX_CHUNK, Math.max(1, req.longParam("chunkSize", DEFAULT_CHUNK)));
        DumpCursor.Chunk c = b.cursor(r).next(chunk, req.boolParam("useEnvelope", true));
        ApiResponse out =
                c.documents() == 0
                        ? ApiResponse.raw(204, ApiResponse.DUMP, new byte[0])
                        : ApiResponse.raw(200, ApiResponse.DUMP, c.body());
        return out.header("x-arango-replication-checkmore", Boolean.toString(c.checkMore()))
                .header("x-arango-replication-lastincluded", Long.toString(c.lastIncluded()));
    }

    private ApiResponse inventory(ApiRequest req) {
        ctx.requireAdmin(req);
        String batchId = req.param("batchId");
        if (batchId == null || batchId.isEmpty()) {
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND, "batchId not specified");
        }
        Batch b = server.batch(batchId);
        if (b == null) {
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND, "context was not found");
        }
        boolean includeSystem = req.boolParam("includeSystem", true);
        boolean foxx = req.boolParam("includeFoxxQueues", false);
        boolean global = req.boolParam("global", false);
        String only = req.param("collection");
        Database db = ctx.db(req);
        ObjectNode o = Json.object();
        if (global) {
            if (!db.isSystem()) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN,
                        "global inventory can only be fetched from within _system database");
            }
            ObjectNode dbs = o.putObject("databases");
            for (Database d : ctx.cluster().databases()) {
                ObjectNode entry = dbs.putObject(d.name());
                entry.put("id", Long.toString(d.id()));
                entry.put("name", d.name());
                entry.set("properties", d.describe());
                entry.set("collections", collections(d, includeSystem, foxx, null));
                entry.putArray("views");
            }
        } else {
            o.set("properties", db.describe());
            o.set("collections", collections(db, includeSystem, foxx, only));
            o.putArray("views");
        }
        o.set("state", state(b.snapshotTick()));
        o.put("tick", Long.toString(server.lastTick()));
        return ApiResponse.json(200, o);
    }

    private ArrayNode collections(Database db, boolean includeSystem, boolean foxx, String only) {
        List<ShardReplica> local = new ArrayList<>();
        for (ShardReplica r : server.replicas()) {
            if (r.shard().collection().database() != db) {
                continue;
            }
            if (only != null && !only.equals(r.shard().name())) {
                continue;
            }
            // On a DB-server the local collection is the shard, named s<id>: arangod's name-based
            // exclusions (system collections, Foxx queues) never match there.
            if (Exclusions.excluded(r.shard().name(), includeSystem, foxx)) {
                continue;
            }
            local.add(r);
        }
        local.sort(Comparator.comparingLong(r -> r.shard().id()));
        ArrayNode out = Json.array();
        for (ShardReplica r : local) {
            ObjectNode entry = out.addObject();
            entry.set("parameters", CollectionService.shardDefinition(r));
            entry.putArray("indexes").addAll(IndexService.inventory(r.shard().collection()));
        }
        return out;
    }

    private ObjectNode state(long tick) {
        ObjectNode s = Json.object();
        s.put("running", true);
        s.put("lastLogTick", Long.toString(tick));
        s.put("lastUncommittedLogTick", Long.toString(tick));
        s.put("totalEvents", server.wal().end());
        s.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return s;
    }

    private ApiResponse loggerState(ApiRequest req) {
        ctx.requireAdmin(req);
        ObjectNode o = Json.object();
        o.set("state", state(server.lastTick()));
        ObjectNode srv = o.putObject("server");
        srv.put("version", ctx.cluster().version());
        srv.put("serverId", WalApi.numericServerId(server.id()));
        srv.put("engine", "rocksdb");
        o.set("clients", server.clients().describe());
        return ApiResponse.json(200, o);
    }
}
