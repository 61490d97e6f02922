package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.CoordinatorInfo;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.storage.DbServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Cluster topology endpoints of a coordinator: {@code /_admin/cluster/health}, {@code
 * /_api/cluster/endpoints}, {@code /_admin/cluster/shardDistribution} and {@code
 * collectionShardDistribution}. DB-servers answer them with 403/1471.
 */
final class ClusterApi {
    private final ApiContext ctx;

    ClusterApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void registerCoordinator(Router r) {
        r.get("/_admin/cluster/health", req -> health());
        r.get("/_api/cluster/endpoints", req -> endpoints());
        r.get("/_admin/cluster/shardDistribution", this::shardDistribution);
        r.put("/_admin/cluster/collectionShardDistribution", this::collectionShardDistribution);
        r.get("/_admin/cluster/numberOfServers", req -> numberOfServers());
    }

    void registerDbServer(Router r) {
        ApiException e = new ApiException(ErrorCode.CLUSTER_ONLY_ON_COORDINATOR);
        r.get(
                "/_admin/cluster/health",
                req -> {
                    throw e;
                });
        r.get(
                "/_admin/cluster/shardDistribution",
                req -> {
                    throw e;
                });
        r.put(
                "/_admin/cluster/collectionShardDistribution",
                req -> {
                    throw e;
                });
        r.get(
                "/_api/cluster/endpoints",
                req -> {
                    throw new ApiException(
                            ErrorCode.HTTP_NOT_IMPLEMENTED,
                            "this API is only available on coordinators");
                });
    }

    private ApiResponse health() {
        ObjectNode health = Json.object();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (CoordinatorInfo c : ctx.cluster().coordinators()) {
            ObjectNode o = health.putObject(c.id());
            entry(o, c.endpoint(), "Coordinator", c.shortName(), true, now);
        }
        for (DbServer s : ctx.cluster().dbServers()) {
            ObjectNode o = health.putObject(s.id());
            entry(o, s.endpoint(), "DBServer", s.shortName(), s.running(), now);
        }
        ObjectNode out = Json.object();
        out.set("Health", health);
        out.put("ClusterId", ctx.cluster().clusterId());
        out.put("error", false);
        out.put("code", 200);
        return ApiResponse.json(200, out);
    }

    private void entry(
            ObjectNode o, String endpoint, String role, String shortName, boolean up, String now) {
        o.put("Endpoint", endpoint);
        o.put("Role", role);
        o.put("ShortName", shortName);
        o.put("Status", up ? "GOOD" : "FAILED");
        o.put("SyncStatus", up ? "SERVING" : "SHUTDOWN");
        o.put("LastAckedTime", now);
        o.put("SyncTime", now);
        o.put("Timestamp", now);
        o.put("Host", AdminApi.hostOf(endpoint));
        o.put("Version", ctx.cluster().version());
        o.put("Engine", "rocksdb");
        o.put("CanBeDeleted", !up);
    }

    private ApiResponse endpoints() {
        ObjectNode out = Json.object();
        out.put("error", false);
        out.put("code", 200);
        ArrayNode list = out.putArray("endpoints");
        for (CoordinatorInfo c : ctx.cluster().coordinators()) {
            list.addObject().put("endpoint", c.endpoint());
        }
        return ApiResponse.json(200, out);
    }

    private ApiResponse numberOfServers() {
        ObjectNode o = Json.object();
        o.put("numberOfCoordinators", ctx.cluster().coordinators().size());
        o.put("numberOfDBServers", ctx.cluster().dbServers().size());
        o.putArray("cleanedServers");
        return ApiResponse.ok(200, o);
    }

    private ApiResponse shardDistribution(ApiRequest req) {
        ObjectNode results = Json.object();
        for (ClusterCollection c : ctx.db(req).collections()) {
            results.set(c.name(), distribution(c));
        }
        ObjectNode out = Json.object();
        out.set("results", results);
        out.put("error", false);
        out.put("code", 200);
        return ApiResponse.json(200, out);
    }

    private ApiResponse collectionShardDistribution(ApiRequest req) {
        String name = Json.requireObject(req.body()).path("collection").asText("");
        ClusterCollection c = ctx.collection(req, name);
        ObjectNode results = Json.object();
        results.set(c.name(), distribution(c));
        ObjectNode out = Json.object();
        out.set("results", results);
        out.put("error", false);
        out.put("code", 200);
        return ApiResponse.json(200, out);
    }

    static ObjectNode distribution(ClusterCollection c) {
        ObjectNode o = Json.object();
        ObjectNode plan = o.putObject("Plan");
        ObjectNode current = o.putObject("Current");
        for (Shard s : c.shards()) {
            ObjectNode p = plan.putObject(s.name());
            p.put("leader", s.leader());
            ArrayNode pf = p.putArray("followers");
            List<String> servers = s.plan();
            servers.subList(1, servers.size()).forEach(pf::add);
            ObjectNode cur = current.putObject(s.name());
            List<String> inSync = s.inSync();
            cur.put("leader", inSync.isEmpty() ? "" : inSync.get(0));
            ArrayNode cf = cur.putArray("followers");
            if (inSync.size() > 1) {
                inSync.subList(1, inSync.size()).forEach(cf::add);
            }
        }
        return o;
    }
}
