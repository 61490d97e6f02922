package io.dc2dc.emulator.api;

import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;

/**
 * {@code /_emulator/faults} on coordinators: {@code POST} runs one fault action (JSON body,
 * documented in emulator/README.md), {@code GET} shows the current settings. Not part of ArangoDB's
 * API; open without authentication so test harnesses can always reach it.
 */
final class FaultApi {
    private final ApiContext ctx;

    FaultApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.post("/_emulator/faults", this::apply);
        r.get("/_emulator/faults", req -> ApiResponse.ok(200, ctx.faults().describe()));
    }

    private ApiResponse apply(ApiRequest req) {
        ctx.faults().apply(Json.requireObject(req.body()));
        return ApiResponse.ok(200, ctx.faults().describe());
    }
}
