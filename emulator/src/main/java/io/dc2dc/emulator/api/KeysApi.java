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
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.replication.KeySnapshot;
import io.dc2dc.emulator.storage.Batch;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys-based comparison API of a DB-server (§3.4): create a key list for a shard under a batch,
 * fetch its chunk hashes, the keys of a chunk or documents by position, delete it.
 */
final class KeysApi {
    private final ApiContext ctx;
    private final DbServer server;
    private final ConcurrentHashMap<String, KeySnapshot> lists = new ConcurrentHashMap<>();

    KeysApi(ApiContext ctx, DbServer server) {
        this.ctx = ctx;
        this.server = server;
    }

    void register(Router r) {
        r.post("/_api/replication/keys", this::create);
        r.get("/_api/replication/keys/{id}", this::chunks);
        r.put("/_api/replication/keys/{id}", this::fetch);
        r.delete("/_api/replication/keys/{id}", this::delete);
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireAdmin(req);
        String collection = req.param("collection");
        ShardReplica r = collection == null ? null : server.replica(collection);
        if (r == null || r.shard().collection().database() != ctx.db(req)) {
            throw ApiException.dataSourceNotFound(collection == null ? "" : collection);
        }
        Batch b = server.batch(req.param("batchId"));
        if (b == null) {
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND);
        }
        String id = b.id() + "-" + r.localId() + "-" + ctx.cluster().ids().next();
        KeySnapshot ks = KeySnapshot.build(id, b, r);
        lists.put(id, ks);
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("count", ks.count());
        return ApiResponse.json(200, o);
    }

    private KeySnapshot list(ApiRequest req) {
        KeySnapshot ks = lists.get(req.pathParam("id"));
        if (ks == null || server.batch(ks.batch().id()) == null) {
            if (ks != null) {
                lists.remove(ks.id());
            }
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND);
        }
        return ks;
    }

    private static int chunkSize(ApiRequest req) {
        long n = req.longParam("chunkSize", 5000);
        if (n < 100) {
            return 5000;
        }
        return (int) Math.min(n, 20000);
    }

    private ApiResponse chunks(ApiRequest req) {
        ctx.requireAdmin(req);
        KeySnapshot ks = list(req);
        int size = chunkSize(req);
        ArrayNode out = Json.array();
        for (int i = 0; i < ks.chunks(size); i++) {
            KeySnapshot.Chunk c = ks.chunk(i, size);
            ObjectNode o = out.addObject();
            o.put("low", c.low());
            o.put("high", c.high());
            o.put("hash", Long.toUnsignedString(c.hash()));
        }
        return ApiResponse.json(200, out);
    }

    private ApiResponse fetch(ApiRequest req) {
        ctx.requireAdmin(req);
        KeySnapshot ks = list(req);
        int size = chunkSize(req);
        int chunk = (int) req.longParam("chunk", 0);
        List<DocVersion> docs = ks.chunkDocs(chunk, size);
        String type = req.param("type");
        if ("keys".equals(type)) {
            ArrayNode out = Json.array();
            for (DocVersion d : docs) {
                out.addArray().add(d.key()).add(Revisions.encode(d.rev()));
            }
            return ApiResponse.json(200, out);
        }
        if ("docs".equals(type)) {
            JsonNode body = Json.parse(req.body());
            if (body == null || !body.isArray()) {
                throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "invalid chunk ids");
            }
            long offset = req.longParam("offset", 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write('[');
            boolean first = true;
            for (JsonNode idx : body) {
                long pos = idx.asLong(-1);
                if (pos < offset) {
                    continue;
                }
                if (!first) {
                    out.write(',');
                }
                first = false;
                if (pos >= 0 && pos < docs.size()) {
                    out.writeBytes(docs.get((int) pos).json());
                } else {
                    out.writeBytes("{}".getBytes());
                }
                if (out.size() > 8 * 1024 * 1024) {
                    break;
                }
            }
            out.write(']');
            return ApiResponse.json(200, out.toByteArray());
        }
        throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "invalid 'type' value");
    }

    private ApiResponse delete(ApiRequest req) {
        ctx.requireAdmin(req);
        String id = req.pathParam("id");
        if (lists.remove(id) == null) {
            throw new ApiException(ErrorCode.CURSOR_NOT_FOUND);
        }
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("error", false);
        o.put("code", 202);
        return ApiResponse.json(202, o);
    }
}
