package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.ShardHash;
import io.dc2dc.emulator.replication.WalTailer;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;
import io.dc2dc.emulator.wal.WalEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code /_api/wal/tail}, {@code /lastTick} and {@code /range} of a DB-server (§5). On a
 * coordinator every {@code /_api/wal/*} path answers 501/1470 like arangod.
 */
final class WalApi {
    private static final long DEFAULT_CHUNK = 1024 * 1024;
    private static final long MIN_CHUNK = 16 * 1024;
    private static final long MAX_CHUNK = 128L * 1024 * 1024;

    private final ApiContext ctx;
    private final DbServer server;

    WalApi(ApiContext ctx, DbServer server) {
        this.ctx = ctx;
        this.server = server;
    }

    static void registerCoordinator(Router r) {
        r.route(
                "*",
                "/_api/wal/*",
                req -> {
                    throw new ApiException(
                            ErrorCode.CLUSTER_UNSUPPORTED,
                            "'/_api/wal' is not yet supported in a cluster");
                });
    }

    void register(Router r) {
        r.get("/_api/wal/tail", this::tail);
        r.put("/_api/wal/tail", this::tail);
        r.get("/_api/wal/lastTick", req -> lastTick(req));
        r.get("/_api/wal/range", req -> range(req));
    }

    private ApiResponse tail(ApiRequest req) {
        ctx.requireAdmin(req);
        Database db = ctx.db(req);
        boolean global = req.boolParam("global", false);
        if (global && !db.isSystem()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "global tailing is only possible from within _system database");
        }
        long from = req.longParam("from", 0);
        long to = req.hasParam("to") ? req.longParam("to", Long.MAX_VALUE) : Long.MAX_VALUE;
        if (Long.compareUnsigned(from, to) > 0 || to == 0) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "invalid from/to values");
        }
        ShardReplica only = null;
        String collection = req.param("collection");
        if (collection != null && !collection.isEmpty()) {
            only = server.replica(collection);
            if (only == null || only.shard().collection().database() != db) {
                throw ApiException.dataSourceNotFound(collection);
            }
        }
        long chunk = req.longParam("chunkSize", DEFAULT_CHUNK);
        chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, chunk));
        WalTailer.Result res =
                WalTailer.tail(
                        server,
                        new WalTailer.Request(
                                db,
                                global,
                                only,
                                req.boolParam("includeSystem", true),
                                req.boolParam("includeFoxxQueues", false),
                                from,
                                to,
                                req.longParam("lastScanned", 0),
                                chunk));
        server.clients()
                .track(req.param("syncerId"), req.param("serverId"), req.param("clientInfo"), from);
        ApiResponse out =
                res.body().length == 0
                        ? ApiResponse.raw(204, ApiResponse.DUMP, new byte[0])
                        : ApiResponse.raw(200, ApiResponse.DUMP, res.body());
        return out.header("x-arango-replication-checkmore", Boolean.toString(res.checkMore()))
                .header("x-arango-replication-frompresent", Boolean.toString(res.fromPresent()))
                .header("x-arango-replication-lastincluded", Long.toString(res.lastIncluded()))
                .header("x-arango-replication-lastscanned", Long.toString(res.lastScanned()))
                .header("x-arango-replication-lasttick", Long.toString(res.lastTick()));
    }

    private ApiResponse lastTick(ApiRequest req) {
        ctx.requireAdmin(req);
        ObjectNode o = Json.object();
        o.put("time", now());
        o.put("tick", Long.toString(server.lastTick()));
        o.set("server", serverInfo());
        return ApiResponse.json(200, o);
    }

    private ApiResponse range(ApiRequest req) {
        ctx.requireAdmin(req);
        long last = server.lastTick();
        WalEntry oldest = server.wal().oldest();
        ObjectNode o = Json.object();
        o.put("time", now());
        o.put("tickMin", Long.toString(oldest == null ? last : oldest.tick()));
        o.put("tickMax", Long.toString(last));
        o.set("server", serverInfo());
        return ApiResponse.json(200, o);
    }

    private ObjectNode serverInfo() {
        ObjectNode s = Json.object();
        s.put("version", ctx.cluster().version());
        s.put("serverId", numericServerId(server.id()));
        return s;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** arangod prints a numeric server id in replication answers; derive a stable one. */
    static String numericServerId(String id) {
        return Long.toString(ShardHash.hash(id) >>> 17);
    }
}
