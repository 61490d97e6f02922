package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.service.meta.Graphs;
import java.util.List;
import java.util.function.Supplier;

/**
 * The graph-level part of {@code /_api/gharial} (§7.6): create, list, get and drop graphs, and add,
 * replace and remove their vertex collections and edge definitions. Changes answer 202 (201 with
 * {@code waitForSync=true}) with the graph and its revision as {@code etag}.
 */
final class GraphApi {
    private final ApiContext ctx;
    private final Graphs graphs;

    GraphApi(ApiContext ctx) {
        this.ctx = ctx;
        this.graphs = ctx.meta().graphs();
    }

    void register(Router r) {
        r.get("/_api/gharial", this::list);
        r.post(
                "/_api/gharial",
                req -> changed(req, () -> graphs.create(ctx.db(req), Responses.body(req))));
        r.get(
                "/_api/gharial/{g}",
                req ->
                        Responses.single(
                                200,
                                "graph",
                                Graphs.forClient(graphs.get(ctx.db(req), graph(req)))));
        r.delete("/_api/gharial/{g}", this::drop);
        r.get(
                "/_api/gharial/{g}/vertex",
                req -> collections(Graphs.vertexCollections(graphs.get(ctx.db(req), graph(req)))));
        r.post(
                "/_api/gharial/{g}/vertex",
                req ->
                        changed(
                                req,
                                () ->
                                        graphs.addVertexCollection(
                                                ctx.db(req), graph(req), Responses.body(req))));
        r.delete(
                "/_api/gharial/{g}/vertex/{c}",
                req ->
                        changed(
                                req,
                                () ->
                                        graphs.removeVertexCollection(
                                                ctx.db(req),
                                                graph(req),
                                                req.pathParam("c"),
                                                req.boolParam("dropCollection", false))));
        r.get(
                "/_api/gharial/{g}/edge",
                req -> collections(Graphs.edgeCollections(graphs.get(ctx.db(req), graph(req)))));
        r.post(
                "/_api/gharial/{g}/edge",
                req ->
                        changed(
                                req,
                                () ->
                                        graphs.addEdgeDefinition(
                                                ctx.db(req), graph(req), Responses.body(req))));
        r.put(
                "/_api/gharial/{g}/edge/{c}",
                req ->
                        changed(
                                req,
                                () ->
                                        graphs.replaceEdgeDefinition(
                                                ctx.db(req),
                                                graph(req),
                                                req.pathParam("c"),
                                                Responses.body(req))));
        r.delete(
                "/_api/gharial/{g}/edge/{c}",
                req ->
                        changed(
                                req,
                                () ->
                                        graphs.removeEdgeDefinition(
                                                ctx.db(req),
                                                graph(req),
                                                req.pathParam("c"),
                                                req.boolParam("dropCollections", false))));
    }

    private static String graph(ApiRequest req) {
        return req.pathParam("g");
    }

    private ApiResponse list(ApiRequest req) {
        ArrayNode out = Json.array();
        graphs.list(ctx.db(req)).forEach(out::add);
        return Responses.single(200, "graphs", out);
    }

    private ApiResponse drop(ApiRequest req) {
        ctx.requireWrite(req);
        graphs.drop(ctx.db(req), graph(req), req.boolParam("dropCollections", false));
        int status = req.boolParam("waitForSync", false) ? 201 : 202;
        return Responses.single(status, "removed", Json.NODES.booleanNode(true));
    }

    /** Runs a graph change (after the permission check) and answers with the new graph. */
    private ApiResponse changed(ApiRequest req, Supplier<ObjectNode> change) {
        ctx.requireWrite(req);
        ObjectNode doc = change.get();
        int status = req.boolParam("waitForSync", false) ? 201 : 202;
        return Responses.single(status, "graph", Graphs.forClient(doc))
                .header("etag", doc.path("_rev").asText());
    }

    private static ApiResponse collections(List<String> names) {
        ArrayNode out = Json.array();
        names.forEach(out::add);
        return Responses.single(200, "collections", out);
    }
}
