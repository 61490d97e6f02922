package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Node;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.service.meta.IndexService;
import io.dc2dc.emulator.storage.DbServer;
import java.util.HashSet;
import java.util.Map;

/**
 * The coordinator's replication endpoints: {@code clusterInventory} (§2.2), forwarding of
 * batch/dump/inventory/logger-state to a DB-server named by {@code DBserver} (§6.3; without it
 * 400), and 501/1470 for the DB-server-only keys and revisions APIs.
 */
final class ReplicationApi {
    private final ApiContext ctx;
    private final Map<String, Node> dbServers;

    ReplicationApi(ApiContext ctx, Map<String, Node> dbServers) {
        this.ctx = ctx;
        this.dbServers = dbServers;
    }

    void register(Router r) {
        r.get("/_api/replication/clusterInventory", this::clusterInventory);
        r.post("/_api/replication/batch", this::forward);
        r.put("/_api/replication/batch/{id}", this::forward);
        r.delete("/_api/replication/batch/{id}", this::forward);
        r.get("/_api/replication/dump", this::forward);
        r.get("/_api/replication/inventory", this::forward);
        r.get("/_api/replication/logger-state", this::forward);
        ApiException unsupported = new ApiException(ErrorCode.CLUSTER_UNSUPPORTED);
        r.route(
                "*",
                "/_api/replication/keys/*",
                req -> {
                    throw unsupported;
                });
        r.route(
                "*",
                "/_api/replication/keys",
                req -> {
                    throw unsupported;
                });
        r.route(
                "*",
                "/_api/replication/revisions/*",
                req -> {
                    throw unsupported;
                });
    }

    private ApiResponse forward(ApiRequest req) {
        ctx.requireAdmin(req);
        String id = req.param("DBserver");
        String param = "DBserver";
        if (id == null) {
            id = req.param("dbserver");
            param = "dbserver";
        }
        if (id == null || id.isEmpty()) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "need \"DBserver\" parameter");
        }
        Node node = dbServers.get(id);
        if (node == null) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "unknown DB-Server '" + id + "'");
        }
        if (!node.serving()) {
            throw new ApiException(ErrorCode.CLUSTER_BACKEND_UNAVAILABLE);
        }
        return node.dispatch(req.forwardWithout(param));
    }

    private ApiResponse clusterInventory(ApiRequest req) {
        Database db = ctx.db(req);
        boolean includeSystem = req.boolParam("includeSystem", true);
        ObjectNode o = Json.object();
        o.set("properties", db.describe());
        ArrayNode cols = o.putArray("collections");
        for (ClusterCollection c : db.collections()) {
            // arangod's coordinator applies no exclusion list here, only includeSystem
            // (LogicalCollection::toVelocyPackForClusterInventory): _queues, _jobs, _frontend
            // and the statistics are listed; appliers and WAL dumpers filter by name
            if (!includeSystem && c.isSystem()) {
                continue;
            }
            if ("none".equals(ctx.access(req, db.name()))) {
                continue;
            }
            cols.add(inventoryEntry(c));
        }
        ArrayNode views = o.putArray("views");
        ctx.meta().views().inventory(db).forEach(views::add);
        long tick = 0;
        for (DbServer s : ctx.cluster().dbServers()) {
            tick = Math.max(tick, s.lastTick());
        }
        o.put("tick", Long.toString(tick));
        o.put("state", "unused");
        return ApiResponse.json(200, o);
    }

    private ObjectNode inventoryEntry(ClusterCollection c) {
        ObjectNode params = c.describe();
        params.put("planId", Long.toString(c.planId()));
        params.put("deleted", false);
        ObjectNode shards = params.putObject("shards");
        boolean ready = true;
        boolean inSync = true;
        for (Shard s : c.shards()) {
            ArrayNode servers = shards.putArray(s.name());
            s.plan().forEach(servers::add);
            DbServer leader = ctx.cluster().dbServer(s.leader());
            if (s.inSync().isEmpty()
                    || !s.inSync().get(0).equals(s.leader())
                    || !leader.running()) {
                ready = false;
            }
            if (!new HashSet<>(s.inSync()).equals(new HashSet<>(s.plan()))) {
                inSync = false;
            }
        }
        ObjectNode entry = Json.object();
        entry.set("parameters", params);
        entry.putArray("indexes").addAll(IndexService.inventory(c));
        entry.put("planVersion", ctx.cluster().planVersion());
        entry.put("isReady", ready);
        entry.put("allInSync", inSync);
        return entry;
    }
}
