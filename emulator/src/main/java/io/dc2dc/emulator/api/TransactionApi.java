package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.service.StreamTransaction;

/**
 * Stream transactions: {@code POST /_api/transaction/begin}, {@code GET|PUT|DELETE
 * /_api/transaction/{id}} (status, commit, abort) and the list. JavaScript transactions are not
 * emulated (501).
 */
final class TransactionApi {
    private final ApiContext ctx;

    TransactionApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.post("/_api/transaction/begin", this::begin);
        r.get(
                "/_api/transaction/{id}",
                req -> answer(200, ctx.transactions().get(ctx.db(req), req.pathParam("id"))));
        r.put(
                "/_api/transaction/{id}",
                req -> answer(200, ctx.transactions().commit(ctx.db(req), req.pathParam("id"))));
        r.delete(
                "/_api/transaction/{id}",
                req -> answer(200, ctx.transactions().abort(ctx.db(req), req.pathParam("id"))));
        r.get("/_api/transaction", this::list);
        r.post(
                "/_api/transaction",
                req -> {
                    throw new ApiException(
                            ErrorCode.HTTP_NOT_IMPLEMENTED,
                            "JavaScript transactions are not supported by the emulator");
                });
    }

    private ApiResponse begin(ApiRequest req) {
        ctx.requireWrite(req);
        StreamTransaction t = ctx.transactions().begin(ctx.db(req), Json.requireObject(req.body()));
        return answer(201, t);
    }

    private static ApiResponse answer(int status, StreamTransaction t) {
        ObjectNode o = Json.object();
        o.put("code", status);
        o.put("error", false);
        ObjectNode result = o.putObject("result");
        result.put("id", t.id());
        result.put("status", t.status());
        return ApiResponse.json(status, o);
    }

    private ApiResponse list(ApiRequest req) {
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("transactions");
        for (StreamTransaction t : ctx.transactions().running(ctx.db(req))) {
            list.addObject().put("id", t.id()).put("state", "running");
        }
        return ApiResponse.json(200, o);
    }
}
