package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.service.meta.Analyzers;

/**
 * The coordinator's {@code /_api/analyzer} API (§7.6): create (201 new, 200 identical), list, get
 * and remove ({@code force} overrides use by views).
 */
final class AnalyzerApi {
    private final ApiContext ctx;
    private final Analyzers analyzers;

    AnalyzerApi(ApiContext ctx) {
        this.ctx = ctx;
        this.analyzers = ctx.meta().analyzers();
    }

    void register(Router r) {
        r.post("/_api/analyzer", this::create);
        r.get("/_api/analyzer", this::list);
        r.get(
                "/_api/analyzer/{name}",
                req -> ApiResponse.ok(200, analyzers.get(ctx.db(req), req.pathParam("name"))));
        r.delete("/_api/analyzer/{name}", this::remove);
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireWrite(req);
        Analyzers.Created c = analyzers.create(ctx.db(req), Responses.body(req));
        return ApiResponse.json(c.created() ? 201 : 200, c.analyzer());
    }

    private ApiResponse list(ApiRequest req) {
        ArrayNode out = Json.array();
        analyzers.list(ctx.db(req)).forEach(out::add);
        return ApiResponse.result(200, out);
    }

    private ApiResponse remove(ApiRequest req) {
        ctx.requireWrite(req);
        String name =
                analyzers.remove(ctx.db(req), req.pathParam("name"), req.boolParam("force", false));
        return Responses.single(200, "name", Json.NODES.textNode(name));
    }
}
