package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Principal;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.service.meta.Users;

/**
 * The {@code /_api/user} API (§7.4): users (create 201, get, list, replace, update, delete 202) and
 * their database and collection permissions. Changing anything needs admin rights; users may read
 * their own entry.
 */
final class UserApi {
    private final ApiContext ctx;
    private final Users users;

    UserApi(ApiContext ctx) {
        this.ctx = ctx;
        this.users = ctx.meta().users();
    }

    void register(Router r) {
        r.post("/_api/user", this::create);
        r.get("/_api/user", this::list);
        r.get("/_api/user/{u}", req -> Responses.trailing(200, users.get(readable(req))));
        r.put("/_api/user/{u}", req -> modify(req, true));
        r.patch("/_api/user/{u}", req -> modify(req, false));
        r.delete("/_api/user/{u}", this::remove);
        r.get("/_api/user/{u}/database", this::databases);
        r.get(
                "/_api/user/{u}/database/{db}",
                req ->
                        Responses.single(
                                200,
                                "result",
                                Json.NODES.textNode(
                                        users.databaseAccess(readable(req), req.pathParam("db")))));
        r.get(
                "/_api/user/{u}/database/{db}/{c}",
                req ->
                        Responses.single(
                                200,
                                "result",
                                Json.NODES.textNode(
                                        users.collectionAccess(
                                                readable(req),
                                                req.pathParam("db"),
                                                req.pathParam("c")))));
        r.put("/_api/user/{u}/database/{db}", this::grantDatabase);
        r.put("/_api/user/{u}/database/{db}/{c}", this::grantCollection);
        r.delete("/_api/user/{u}/database/{db}", this::revokeDatabase);
        r.delete("/_api/user/{u}/database/{db}/{c}", this::revokeCollection);
    }

    /** The user of the path, if the caller may read it (itself, or an admin). */
    private String readable(ApiRequest req) {
        String u = req.pathParam("u");
        Principal p = req.principal();
        if (!u.equals(p.user())) {
            ctx.requireAdmin(req);
        }
        return u;
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireAdmin(req);
        return Responses.trailing(201, users.create(Responses.body(req)));
    }

    private ApiResponse list(ApiRequest req) {
        ArrayNode out = Json.array();
        boolean admin = isAdmin(req);
        for (ObjectNode u : users.list()) {
            if (admin || u.path("user").asText().equals(req.principal().user())) {
                out.add(u);
            }
        }
        return ApiResponse.result(200, out);
    }

    private boolean isAdmin(ApiRequest req) {
        try {
            ctx.requireAdmin(req);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private ApiResponse modify(ApiRequest req, boolean replace) {
        ctx.requireAdmin(req);
        return Responses.trailing(
                200, users.modify(req.pathParam("u"), Responses.body(req), replace));
    }

    private ApiResponse remove(ApiRequest req) {
        ctx.requireAdmin(req);
        users.remove(req.pathParam("u"));
        return ApiResponse.ok(202, Json.object());
    }

    /** Effective access per database; with {@code full=true} also per collection. */
    private ApiResponse databases(ApiRequest req) {
        String u = readable(req);
        users.get(u); // 404/1703 for unknown users
        boolean full = req.boolParam("full", false);
        ObjectNode result = Json.object();
        for (Database db : ctx.cluster().databases()) {
            String access = users.databaseAccess(u, db.name());
            if (!full) {
                if (!access.equals("none")) {
                    result.put(db.name(), access);
                }
                continue;
            }
            ObjectNode entry = result.putObject(db.name());
            entry.put("permission", access);
            ObjectNode cols = entry.putObject("collections");
            for (ClusterCollection c : db.collections()) {
                String g = users.collectionGrant(u, db.name(), c.name());
                cols.put(c.name(), g == null ? "undefined" : g);
            }
            String all = users.collectionGrant(u, db.name(), "*");
            cols.put("*", all == null ? "undefined" : all);
        }
        if (full) {
            String dflt = users.databaseGrant(u, "*");
            result.putObject("*").put("permission", dflt == null ? "none" : dflt);
        }
        return ApiResponse.result(200, result);
    }

    private static String grant(ApiRequest req) {
        ObjectNode body = Responses.body(req);
        if (!body.path("grant").isTextual()) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid grant");
        }
        return body.get("grant").asText();
    }

    private ApiResponse grantDatabase(ApiRequest req) {
        ctx.requireAdmin(req);
        String db = req.pathParam("db");
        String g = grant(req);
        users.grantDatabase(req.pathParam("u"), db, g);
        return Responses.trailing(200, Json.object().put(db, g));
    }

    private ApiResponse grantCollection(ApiRequest req) {
        ctx.requireAdmin(req);
        String db = req.pathParam("db");
        String c = req.pathParam("c");
        String g = grant(req);
        users.grantCollection(req.pathParam("u"), db, c, g);
        return Responses.trailing(200, Json.object().put(db + "/" + c, g));
    }

    private ApiResponse revokeDatabase(ApiRequest req) {
        ctx.requireAdmin(req);
        users.revokeDatabase(req.pathParam("u"), req.pathParam("db"));
        return ApiResponse.ok(202, Json.object());
    }

    private ApiResponse revokeCollection(ApiRequest req) {
        ctx.requireAdmin(req);
        users.revokeCollection(req.pathParam("u"), req.pathParam("db"), req.pathParam("c"));
        return ApiResponse.ok(202, Json.object());
    }
}
