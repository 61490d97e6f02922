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
import io.dc2dc.emulator.model.Database;

/** {@code /_api/database}: list, list accessible, current, create (with users), drop. */
final class DatabaseApi {
    private final ApiContext ctx;

    DatabaseApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.get("/_api/database", this::list);
        r.get("/_api/database/user", this::listUser);
        r.get("/_api/database/current", this::current);
        r.post("/_api/database", this::create);
        r.delete("/_api/database/{name}", this::drop);
    }

    private static void requireSystem(ApiRequest req) {
        if (!req.database().equals("_system")) {
            throw new ApiException(ErrorCode.USE_SYSTEM_DATABASE);
        }
    }

    private ApiResponse list(ApiRequest req) {
        requireSystem(req);
        ctx.requireAdmin(req);
        ArrayNode names = Json.array();
        for (Database db : ctx.cluster().databases()) {
            names.add(db.name());
        }
        return ApiResponse.result(200, names);
    }

    private ApiResponse listUser(ApiRequest req) {
        ArrayNode names = Json.array();
        for (Database db : ctx.cluster().databases()) {
            if (!"none".equals(ctx.access(req, db.name()))) {
                names.add(db.name());
            }
        }
        return ApiResponse.result(200, names);
    }

    private ApiResponse current(ApiRequest req) {
        return ApiResponse.result(200, ctx.db(req).describe());
    }

    private ApiResponse create(ApiRequest req) {
        requireSystem(req);
        ctx.requireAdmin(req);
        ObjectNode body = Json.requireObject(req.body());
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual()) {
            throw new ApiException(ErrorCode.DATABASE_NAME_INVALID);
        }
        JsonNode options = body.get("options");
        Database db =
                ctx.databases()
                        .create(
                                name.asText(),
                                options != null && options.isObject()
                                        ? (ObjectNode) options
                                        : Json.object());
        JsonNode users = body.get("users");
        if (users != null && users.isArray()) {
            for (JsonNode u : users) {
                String user = u.path("username").asText(u.path("user").asText(""));
                if (user.isEmpty()) {
                    continue;
                }
                boolean exists = ctx.users().find(user) != null;
                ctx.users()
                        .save(
                                user,
                                u.has("passwd") || !exists ? u.path("passwd").asText("") : null,
                                u.path("active").asBoolean(true),
                                u.get("extra"),
                                db.name(),
                                "rw");
            }
        }
        return ApiResponse.result(201, Json.NODES.booleanNode(true));
    }

    private ApiResponse drop(ApiRequest req) {
        requireSystem(req);
        ctx.requireAdmin(req);
        ctx.databases().drop(req.pathParam("name"));
        return ApiResponse.result(200, Json.NODES.booleanNode(true));
    }
}
