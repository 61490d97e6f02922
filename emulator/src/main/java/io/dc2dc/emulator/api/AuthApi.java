package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;

/** {@code POST /_open/auth}: exchanges user credentials for a user JWT (§10). */
final class AuthApi {
    private final ApiContext ctx;

    AuthApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.post("/_open/auth", this::login);
    }

    private ApiResponse login(ApiRequest req) {
        if (!ctx.authenticator().enabled()) {
            throw ApiException.notFound(req.path());
        }
        ObjectNode body = Json.requireObject(req.body());
        JsonNode user = body.get("username");
        JsonNode password = body.get("password");
        if (user == null || !user.isTextual() || password == null || !password.isTextual()) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "invalid JSON");
        }
        ObjectNode o = Json.object();
        o.put("jwt", ctx.authenticator().login(user.asText(), password.asText()));
        return ApiResponse.json(200, o);
    }
}
