package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.service.meta.AqlFunctions;

/**
 * The coordinator's {@code /_api/aqlfunction} API (§7.6): register (201 new, 200 replaced), list
 * (optionally by namespace) and remove (one, or a namespace with {@code group=true}).
 */
final class AqlFunctionApi {
    private final ApiContext ctx;
    private final AqlFunctions functions;

    AqlFunctionApi(ApiContext ctx) {
        this.ctx = ctx;
        this.functions = ctx.meta().aqlFunctions();
    }

    void register(Router r) {
        r.post("/_api/aqlfunction", this::create);
        r.get("/_api/aqlfunction", req -> list(req, req.param("namespace")));
        r.get("/_api/aqlfunction/{namespace}", req -> list(req, req.pathParam("namespace")));
        r.delete("/_api/aqlfunction/{name}", this::remove);
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireWrite(req);
        boolean created = functions.register(ctx.db(req), Responses.body(req));
        int status = created ? 201 : 200;
        return Responses.single(status, "isNewlyCreated", Json.NODES.booleanNode(created));
    }

    private ApiResponse list(ApiRequest req, String namespace) {
        ArrayNode out = Json.array();
        functions.list(ctx.db(req), namespace).forEach(out::add);
        return ApiResponse.result(200, out);
    }

    private ApiResponse remove(ApiRequest req) {
        ctx.requireWrite(req);
        int n = functions.remove(ctx.db(req), req.pathParam("name"), req.boolParam("group", false));
        return Responses.single(200, "deletedCount", Json.NODES.numberNode(n));
    }
}
