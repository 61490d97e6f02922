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
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.KeyGenerator;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.model.ShardHash;
import io.dc2dc.emulator.service.Checksums;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;

/**
 * The coordinator's {@code /_api/collection} API: create, list, get, properties, truncate, drop,
 * count, checksum, revision, shards and responsibleShard. Rename answers 501/1470 as in a real
 * cluster ("renaming a collection in a cluster is unsupported").
 */
final class CollectionApi {
    private final ApiContext ctx;

    CollectionApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.post("/_api/collection", this::create);
        r.get("/_api/collection", this::list);
        r.get(
                "/_api/collection/{c}",
                req -> withLocation(req, "", ApiResponse.ok(200, brief(coll(req)))));
        r.get(
                "/_api/collection/{c}/properties",
                req -> full(req, "properties", coll(req).describe()));
        r.put("/_api/collection/{c}/properties", this::setProperties);
        r.put(
                "/_api/collection/{c}/rename",
                req -> {
                    coll(req);
                    throw new ApiException(ErrorCode.CLUSTER_UNSUPPORTED);
                });
        r.put("/_api/collection/{c}/truncate", this::truncate);
        r.delete("/_api/collection/{c}", this::drop);
        r.get("/_api/collection/{c}/count", this::count);
        r.get("/_api/collection/{c}/checksum", this::checksum);
        r.get("/_api/collection/{c}/revision", this::revision);
        r.get("/_api/collection/{c}/figures", this::figures);
        r.get("/_api/collection/{c}/shards", this::shards);
        r.put("/_api/collection/{c}/responsibleShard", this::responsibleShard);
        for (String noop :
                new String[] {
                    "load", "unload", "loadIndexesIntoMemory", "compact", "recalculateCount"
                }) {
            r.put(
                    "/_api/collection/{c}/" + noop,
                    req -> {
                        ClusterCollection c = coll(req);
                        ObjectNode o = brief(c);
                        if (noop.equals("loadIndexesIntoMemory")
                                || noop.equals("recalculateCount")) {
                            o = Json.object();
                            o.put("result", true);
                        }
                        return withLocation(req, noop, ApiResponse.ok(200, o));
                    });
        }
    }

    private ClusterCollection coll(ApiRequest req) {
        return ctx.collection(req, req.pathParam("c"));
    }

    private static ApiResponse withLocation(ApiRequest req, String suffix, ApiResponse out) {
        return out.header(
                "location",
                "/_db/"
                        + req.database()
                        + "/_api/collection/"
                        + req.pathParam("c")
                        + (suffix.isEmpty() ? "" : "/" + suffix));
    }

    private static ApiResponse full(ApiRequest req, String suffix, ObjectNode props) {
        return withLocation(req, suffix, ApiResponse.ok(200, props));
    }

    static ObjectNode brief(ClusterCollection c) {
        ObjectNode o = Json.object();
        o.put("id", Long.toString(c.planId()));
        o.put("name", c.name());
        o.put("status", 3);
        o.put("type", c.type());
        o.put("isSystem", c.isSystem());
        o.put("globallyUniqueId", c.globallyUniqueId());
        return o;
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireWrite(req);
        ObjectNode body = Json.requireObject(req.body());
        ClusterCollection c =
                ctx.collections()
                        .create(ctx.db(req), body, req.boolParam("enforceReplicationFactor", true));
        return ApiResponse.ok(200, c.describe());
    }

    private ApiResponse list(ApiRequest req) {
        boolean excludeSystem = req.boolParam("excludeSystem", false);
        ArrayNode out = Json.array();
        for (ClusterCollection c : ctx.db(req).collections()) {
            if (!(excludeSystem && c.isSystem())) {
                out.add(brief(c));
            }
        }
        return ApiResponse.result(200, out);
    }

    private ApiResponse setProperties(ApiRequest req) {
        ctx.requireWrite(req);
        ClusterCollection c = coll(req);
        ctx.collections().updateProperties(c, Json.requireObject(req.body()));
        return full(req, "properties", c.describe());
    }

    private ApiResponse truncate(ApiRequest req) {
        ctx.requireWrite(req);
        ClusterCollection c = coll(req);
        ctx.collections().truncate(c);
        return withLocation(req, "truncate", ApiResponse.ok(200, brief(c)));
    }

    private ApiResponse drop(ApiRequest req) {
        ctx.requireWrite(req);
        ClusterCollection c = coll(req);
        if (c.isSystem() && !req.boolParam("isSystem", false)) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        ctx.collections().drop(c);
        ObjectNode o = Json.object();
        o.put("id", Long.toString(c.planId()));
        return ApiResponse.ok(200, o);
    }

    private ShardReplica leader(Shard s) {
        DbServer server = ctx.cluster().dbServer(s.leader());
        ShardReplica r = server.replica(s);
        if (!server.running() || r == null) {
            throw new ApiException(ErrorCode.CLUSTER_BACKEND_UNAVAILABLE);
        }
        return r;
    }

    private ApiResponse count(ApiRequest req) {
        ClusterCollection c = coll(req);
        long n = 0;
        for (Shard s : c.shards()) {
            n += leader(s).count();
        }
        ObjectNode o = c.describe();
        o.put("count", n);
        return full(req, "count", o);
    }

    private ApiResponse checksum(ApiRequest req) {
        ClusterCollection c = coll(req);
        boolean withRevisions = req.boolParam("withRevisions", false);
        boolean withData = req.boolParam("withData", false);
        long sum = 0;
        long rev = 0;
        for (Shard s : c.shards()) {
            ShardReplica r = leader(s);
            sum ^= Checksums.of(r, withRevisions, withData);
            rev = Math.max(rev, r.lastRevision());
        }
        ObjectNode o = Json.object();
        o.put("isSystem", c.isSystem());
        o.put("status", 3);
        o.put("type", c.type());
        o.put("name", c.name());
        o.put("id", Long.toString(c.planId()));
        o.put("revision", rev == 0 ? "0" : Revisions.encode(rev));
        o.put("globallyUniqueId", c.globallyUniqueId());
        o.put("checksum", Long.toUnsignedString(sum));
        return full(req, "checksum", o);
    }

    private ApiResponse revision(ApiRequest req) {
        ClusterCollection c = coll(req);
        long rev = 0;
        for (Shard s : c.shards()) {
            rev = Math.max(rev, leader(s).lastRevision());
        }
        ObjectNode o = c.describe();
        o.put("revision", rev == 0 ? "0" : Revisions.encode(rev));
        return full(req, "revision", o);
    }

    private ApiResponse figures(ApiRequest req) {
        ClusterCollection c = coll(req);
        long n = 0;
        for (Shard s : c.shards()) {
            n += leader(s).count();
        }
        ObjectNode o = c.describe();
        o.put("count", n);
        ObjectNode f = o.putObject("figures");
        f.set("indexes", Json.object().put("count", 1).put("size", 0));
        f.put("documentsSize", 0);
        f.put("cacheInUse", false);
        f.put("cacheSize", 0);
        f.put("cacheUsage", 0);
        return full(req, "figures", o);
    }

    private ApiResponse shards(ApiRequest req) {
        ClusterCollection c = coll(req);
        ObjectNode o = Json.object();
        if (req.boolParam("details", false)) {
            ObjectNode m = o.putObject("shards");
            for (Shard s : c.shards()) {
                ArrayNode servers = m.putArray(s.name());
                s.plan().forEach(servers::add);
            }
        } else {
            ArrayNode a = o.putArray("shards");
            c.shards().forEach(s -> a.add(s.name()));
        }
        o.setAll(c.describe());
        return full(req, "shards", o);
    }

    private ApiResponse responsibleShard(ApiRequest req) {
        ClusterCollection c = coll(req);
        JsonNode body = Json.parse(req.body());
        if (body == null || !body.isObject()) {
            throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
        }
        String key = body.path("_key").asText("");
        if (c.shardsByKey() && !KeyGenerator.isValidKey(key)) {
            throw new ApiException(400, 1468, "not all sharding attributes given");
        }
        Shard s = ShardHash.route(c, body, key);
        ObjectNode o = Json.object();
        o.put("shardId", s.name());
        return withLocation(req, "responsibleShard", ApiResponse.ok(200, o));
    }
}
