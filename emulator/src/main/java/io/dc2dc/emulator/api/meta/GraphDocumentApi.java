package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.service.DocumentService;
import io.dc2dc.emulator.service.DocumentService.Op;
import io.dc2dc.emulator.service.Outcome;
import io.dc2dc.emulator.service.WriteOptions;
import io.dc2dc.emulator.service.meta.Graphs;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Vertex and edge documents through {@code /_api/gharial/<graph>/(vertex|edge)/<collection>}: the
 * ordinary document write path plus graph rules (the collection must belong to the graph, edges
 * must connect collections of their definition and existing vertices, removing a vertex removes the
 * edges of the database's graphs that touch it). Answers {@code {"vertex"|"edge": {...}}}.
 */
final class GraphDocumentApi {
    private final ApiContext ctx;
    private final Graphs graphs;

    GraphDocumentApi(ApiContext ctx) {
        this.ctx = ctx;
        this.graphs = ctx.meta().graphs();
    }

    void register(Router r) {
        for (String kind : new String[] {"vertex", "edge"}) {
            String base = "/_api/gharial/{g}/" + kind + "/{c}";
            r.post(base, req -> write(req, kind, Op.INSERT));
            r.get(base + "/{key}", req -> read(req, kind));
            r.put(base + "/{key}", req -> write(req, kind, Op.REPLACE));
            r.patch(base + "/{key}", req -> write(req, kind, Op.UPDATE));
            r.delete(base + "/{key}", req -> write(req, kind, Op.REMOVE));
        }
    }

    /** The collection of the path after checking it belongs to the graph as {@code kind}. */
    private ClusterCollection member(ApiRequest req, String kind, ObjectNode graph) {
        String c = req.pathParam("c");
        boolean vertex = kind.equals("vertex");
        List<String> names =
                vertex ? Graphs.vertexCollections(graph) : Graphs.edgeCollections(graph);
        if (!names.contains(c)) {
            throw vertex
                    ? new ApiException(
                            404,
                            1926,
                            "vertex collection does not exist or is not part of the graph")
                    : new ApiException(404, 1930, "edge collection not used in graph");
        }
        return ctx.collection(req, c);
    }

    private ApiResponse read(ApiRequest req, String kind) {
        ObjectNode graph = graphs.get(ctx.db(req), req.pathParam("g"));
        ClusterCollection c = member(req, kind, graph);
        DocumentService.DocVersionView v = ctx.documents().read(c, req.pathParam("key"), null);
        if (v == null) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
        }
        String rev = Revisions.encode(v.rev());
        String ifMatch = req.header("if-match");
        if (ifMatch != null && !ifMatch.replace("\"", "").equals(rev)) {
            throw new ApiException(ErrorCode.CONFLICT, 412, ErrorCode.CONFLICT.message());
        }
        return Responses.single(200, kind, Json.tree(v.json())).header("etag", rev);
    }

    private ApiResponse write(ApiRequest req, String kind, Op op) {
        ctx.requireWrite(req);
        Database db = ctx.db(req);
        ObjectNode graph = graphs.get(db, req.pathParam("g"));
        ClusterCollection c = member(req, kind, graph);
        String key = req.pathParam("key");
        JsonNode body = op == Op.REMOVE ? null : Responses.body(req);
        if (kind.equals("edge") && (op == Op.INSERT || op == Op.REPLACE)) {
            checkEdge(db, graph, c, body);
        }
        if (kind.equals("vertex") && op == Op.REMOVE) {
            removeEdgesOf(db, c.name() + "/" + key);
        }
        String ifMatch = req.header("if-match");
        WriteOptions o =
                new WriteOptions(
                        WriteOptions.OverwriteMode.CONFLICT,
                        req.boolParam("keepNull", true),
                        true,
                        false,
                        true,
                        ifMatch == null ? null : ifMatch.replace("\"", ""));
        Outcome out =
                ctx.documents()
                        .write(c, op, Collections.singletonList(body), key, o, false, null)
                        .get(0);
        if (out.failed()) {
            throw out.error();
        }
        boolean sync = req.boolParam("waitForSync", c.waitForSync());
        int status = sync ? (op == Op.REMOVE ? 200 : 201) : 202;
        ObjectNode answer = Json.object();
        answer.put("error", false);
        answer.put("code", status);
        if (op == Op.REMOVE) {
            answer.put("removed", true);
        } else {
            ObjectNode meta = answer.putObject(kind);
            meta.put("_id", c.name() + "/" + out.key());
            meta.put("_key", out.key());
            if (op != Op.INSERT) {
                meta.put("_oldRev", Revisions.encode(out.oldRev()));
            }
            meta.put("_rev", Revisions.encode(out.rev()));
            if (req.boolParam("returnNew", false) && out.newJson() != null) {
                answer.set("new", Json.tree(out.newJson()));
            }
        }
        if (req.boolParam("returnOld", false) && out.oldJson() != null) {
            answer.set("old", Json.tree(out.oldJson()));
        }
        ApiResponse resp = ApiResponse.json(status, answer);
        return op == Op.REMOVE ? resp : resp.header("etag", Revisions.encode(out.rev()));
    }

    /** An edge must join collections of its definition, and both vertices must exist. */
    private void checkEdge(Database db, ObjectNode graph, ClusterCollection c, JsonNode body) {
        JsonNode def = Graphs.edgeDefinition(graph, c.name());
        for (String side : new String[] {"_from", "_to"}) {
            String handle = body.path(side).asText("");
            int slash = handle.indexOf('/');
            if (slash <= 0) {
                throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
            }
            String vertexCollection = handle.substring(0, slash);
            boolean allowed = false;
            for (JsonNode n : def.path(side.equals("_from") ? "from" : "to")) {
                allowed |= n.asText().equals(vertexCollection);
            }
            if (!allowed) {
                throw new ApiException(400, 1906, "invalid edge: " + side + " '" + handle + "'");
            }
            ClusterCollection vc = db.collection(vertexCollection);
            if (vc == null || ctx.documents().read(vc, handle.substring(slash + 1), null) == null) {
                throw new ApiException(
                        404, ErrorCode.DOCUMENT_NOT_FOUND.num(), "referenced document not found");
            }
        }
    }

    /** Removes the edges of every graph of the database that start or end at {@code vertexId}. */
    private void removeEdgesOf(Database db, String vertexId) {
        String vertexCollection = vertexId.substring(0, vertexId.indexOf('/'));
        List<String> edgeCollections = new ArrayList<>();
        for (ObjectNode g : graphs.list(db)) {
            for (JsonNode def : g.path("edgeDefinitions")) {
                boolean touches = false;
                for (JsonNode n : def.path("from")) {
                    touches |= n.asText().equals(vertexCollection);
                }
                for (JsonNode n : def.path("to")) {
                    touches |= n.asText().equals(vertexCollection);
                }
                String ec = def.path("collection").asText();
                if (touches && !edgeCollections.contains(ec)) {
                    edgeCollections.add(ec);
                }
            }
        }
        for (String name : edgeCollections) {
            ClusterCollection ec = db.collection(name);
            if (ec == null) {
                continue;
            }
            List<JsonNode> keys = new ArrayList<>();
            for (Shard s : ec.shards()) {
                DbServer leader = ctx.cluster().dbServer(s.leader());
                ShardReplica r = leader == null ? null : leader.replica(s);
                if (r == null) {
                    continue;
                }
                for (Iterator<DocVersion> it = r.heads(); it.hasNext(); ) {
                    DocVersion v = it.next();
                    if (v.tombstone()) {
                        continue;
                    }
                    JsonNode doc = Json.tree(v.json());
                    if (vertexId.equals(doc.path("_from").asText())
                            || vertexId.equals(doc.path("_to").asText())) {
                        keys.add(Json.NODES.textNode(v.key()));
                    }
                }
            }
            if (!keys.isEmpty()) {
                ctx.documents()
                        .write(ec, Op.REMOVE, keys, null, WriteOptions.defaults(), true, null);
            }
        }
    }
}
