package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.service.Checksums;
import io.dc2dc.emulator.service.CollectionService;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;

/**
 * Read access to a DB-server's local collections (its shard replicas): list, properties, count,
 * checksum and single-document reads, as a shard-level comparison needs them.
 */
final class DbServerDataApi {
    private final ApiContext ctx;
    private final DbServer server;

    DbServerDataApi(ApiContext ctx, DbServer server) {
        this.ctx = ctx;
        this.server = server;
    }

    void register(Router r) {
        r.get("/_api/collection", this::list);
        r.get(
                "/_api/collection/{c}/properties",
                req -> ApiResponse.ok(200, CollectionService.shardDefinition(replica(req))));
        r.get("/_api/collection/{c}/count", this::count);
        r.get("/_api/collection/{c}/checksum", this::checksum);
        r.get("/_api/document/{c}/{key}", this::read);
    }

    private ShardReplica replica(ApiRequest req) {
        String name = req.pathParam("c");
        ShardReplica r = server.replica(name);
        if (r == null || r.shard().collection().database() != ctx.db(req)) {
            throw ApiException.dataSourceNotFound(name);
        }
        return r;
    }

    private ApiResponse list(ApiRequest req) {
        ArrayNode out = Json.array();
        for (ShardReplica r : server.replicas()) {
            if (r.shard().collection().database() != ctx.db(req)) {
                continue;
            }
            ObjectNode o = out.addObject();
            o.put("id", Long.toString(r.localId()));
            o.put("name", r.shard().name());
            o.put("status", 3);
            o.put("type", r.shard().collection().type());
            o.put("isSystem", r.shard().collection().isSystem());
            o.put("globallyUniqueId", r.shard().cuid());
        }
        return ApiResponse.result(200, out);
    }

    private ApiResponse count(ApiRequest req) {
        ShardReplica r = replica(req);
        ObjectNode o = CollectionService.shardDefinition(r);
        o.put("count", r.count());
        return ApiResponse.ok(200, o);
    }

    private ApiResponse checksum(ApiRequest req) {
        ShardReplica r = replica(req);
        long sum =
                Checksums.of(
                        r, req.boolParam("withRevisions", false), req.boolParam("withData", false));
        ObjectNode o = Json.object();
        o.put("isSystem", r.shard().collection().isSystem());
        o.put("status", 3);
        o.put("type", r.shard().collection().type());
        o.put("name", r.shard().name());
        o.put("id", Long.toString(r.localId()));
        o.put("revision", r.lastRevision() == 0 ? "0" : Revisions.encode(r.lastRevision()));
        o.put("globallyUniqueId", r.shard().cuid());
        o.put("checksum", Long.toUnsignedString(sum));
        return ApiResponse.ok(200, o);
    }

    private ApiResponse read(ApiRequest req) {
        DocVersion v = replica(req).get(req.pathParam("key"));
        if (v == null) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
        }
        return ApiResponse.json(200, v.json())
                .header("etag", "\"" + Revisions.encode(v.rev()) + "\"");
    }
}
