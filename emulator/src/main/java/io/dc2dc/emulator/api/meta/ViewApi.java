package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.service.meta.Views;

/**
 * The coordinator's {@code /_api/view} API (§7.6): create, list, get, properties (GET, PUT
 * replaces, PATCH merges), rename (refused in a cluster) and drop.
 */
final class ViewApi {
    private final ApiContext ctx;
    private final Views views;

    ViewApi(ApiContext ctx) {
        this.ctx = ctx;
        this.views = ctx.meta().views();
    }

    void register(Router r) {
        r.post("/_api/view", this::create);
        r.get("/_api/view", this::list);
        r.get("/_api/view/{v}", req -> ApiResponse.ok(200, views.brief(ctx.db(req), view(req))));
        r.get(
                "/_api/view/{v}/properties",
                req -> ApiResponse.ok(200, views.properties(ctx.db(req), view(req))));
        r.put("/_api/view/{v}/properties", req -> update(req, false));
        r.patch("/_api/view/{v}/properties", req -> update(req, true));
        r.put(
                "/_api/view/{v}/rename",
                req -> {
                    ctx.requireWrite(req);
                    return ApiResponse.json(200, views.rename(ctx.db(req), view(req)));
                });
        r.delete("/_api/view/{v}", this::drop);
    }

    private static String view(ApiRequest req) {
        return req.pathParam("v");
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireWrite(req);
        return ApiResponse.json(201, views.create(ctx.db(req), Responses.body(req)));
    }

    private ApiResponse list(ApiRequest req) {
        ArrayNode out = Json.array();
        views.list(ctx.db(req)).forEach(out::add);
        return ApiResponse.result(200, out);
    }

    private ApiResponse update(ApiRequest req, boolean partial) {
        ctx.requireWrite(req);
        return ApiResponse.json(
                200, views.update(ctx.db(req), view(req), Responses.body(req), partial));
    }

    private ApiResponse drop(ApiRequest req) {
        ctx.requireWrite(req);
        views.drop(ctx.db(req), view(req));
        return ApiResponse.result(200, Json.NODES.booleanNode(true));
    }
}
