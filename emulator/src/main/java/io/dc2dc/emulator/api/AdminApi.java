package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.http.ServerRole;
import io.dc2dc.emulator.model.CoordinatorInfo;
import java.util.List;

/**
 * Server-level endpoints every node answers: {@code /_api/version}, {@code /_api/engine}, {@code
 * /_admin/server/role|id|mode|jwt}, {@code /_admin/status}.
 */
final class AdminApi {
    private final ApiContext ctx;

    AdminApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router, ServerRole role, String serverId, String endpoint) {
        router.get("/_api/version", req -> version(req, role, endpoint));
        router.get("/_api/engine", req -> engine());
        router.get("/_admin/server/role", req -> serverRole(role));
        router.get("/_admin/server/id", req -> serverId(serverId));
        router.get("/_admin/server/mode", req -> mode());
        router.put("/_admin/server/mode", this::setMode);
        router.get("/_admin/status", req -> status(role, serverId, endpoint));
        router.get("/_admin/server/jwt", this::jwt);
        router.post("/_admin/server/jwt", req -> reloadJwt(req));
    }

    /**
     * {@code GET /_admin/server/jwt}: SHA-256 of the active and passive JWT secrets, as arangod
     * answers: {@code {"active": {"sha256": ...}, "passive": [{"sha256": ...}]}}. Superuser only.
     */
    private ApiResponse jwt(ApiRequest req) {
        if (!req.principal().superuser()) {
            throw new ApiException(ErrorCode.HTTP_FORBIDDEN, "insufficient permissions");
        }
        List<String> hashes = ctx.authenticator().secretHashes();
        ObjectNode result = Json.object();
        if (!hashes.isEmpty()) {
            result.putObject("active").put("sha256", hashes.get(0));
        }
        ArrayNode passive = result.putArray("passive");
        for (String h : hashes.subList(Math.min(1, hashes.size()), hashes.size())) {
            passive.addObject().put("sha256", h);
        }
        return ApiResponse.result(200, result);
    }

    /** {@code POST /_admin/server/jwt}: re-read the secret file or folder, then as GET. */
    private ApiResponse reloadJwt(ApiRequest req) {
        if (!req.principal().superuser()) {
            throw new ApiException(ErrorCode.HTTP_FORBIDDEN, "insufficient permissions");
        }
        try {
            ctx.authenticator().reload();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, e.getMessage());
        }
        return jwt(req);
    }

    private ApiResponse version(ApiRequest req, ServerRole role, String endpoint) {
        String v = ctx.cluster().version();
        ObjectNode o = Json.object();
        o.put("server", "arango");
        o.put("license", "enterprise");
        o.put("version", v);
        if (req.boolParam("details", false)) {
            ObjectNode d = o.putObject("details");
            d.put("architecture", "64bit");
            d.put("engine", "rocksdb");
            d.put("enterprise-version", "enterprise");
            d.put("full-version-string", "ArangoDB " + v + " enterprise [linux] 64bit (emulated)");
            d.put("license", "enterprise");
            d.put("maintainer-mode", "false");
            d.put("platform", "linux");
            d.put("rocksdb-version", "9.6.0");
            d.put("server-version", v);
            d.put("mode", "server");
            d.put("role", role.roleName());
            d.put("host", hostOf(endpoint));
        }
        o.putArray("apiVersions").add("v0");
        o.putArray("deprecatedApiVersions");
        o.put("requestedApiVersion", "v0");
        return ApiResponse.json(200, o);
    }

    /** As a 3.12 server prints it (recorded {@code RestEngine}). */
    private static ApiResponse engine() {
        ObjectNode o = Json.object();
        o.put("name", "rocksdb");
        ObjectNode supports = o.putObject("supports");
        ArrayNode indexes = supports.putArray("indexes");
        for (String type :
                new String[] {
                    "primary",
                    "edge",
                    "hash",
                    "skiplist",
                    "ttl",
                    "persistent",
                    "geo",
                    "fulltext",
                    "mdi",
                    "mdi-prefixed",
                    "inverted"
                }) {
            indexes.add(type);
        }
        ObjectNode aliases = supports.putObject("aliases").putObject("indexes");
        aliases.put("hash", "persistent");
        aliases.put("skiplist", "persistent");
        aliases.put("zkd", "mdi");
        o.put("endianness", "big");
        return ApiResponse.json(200, o);
    }

    private static ApiResponse serverRole(ServerRole role) {
        ObjectNode o = Json.object();
        o.put("role", role.roleName());
        o.put("mode", "default");
        return ApiResponse.ok(200, o);
    }

    private static ApiResponse serverId(String id) {
        ObjectNode o = Json.object();
        o.put("id", id);
        return ApiResponse.ok(200, o);
    }

    private ApiResponse mode() {
        ObjectNode o = Json.object();
        o.put("mode", ctx.cluster().readOnly() ? "readonly" : "default");
        return ApiResponse.json(200, o);
    }

    private ApiResponse setMode(ApiRequest req) {
        ctx.requireAdmin(req);
        ObjectNode body = Json.requireObject(req.body());
        String mode = body.path("mode").asText("");
        switch (mode) {
            case "readonly" -> ctx.cluster().readOnly(true);
            case "default" -> ctx.cluster().readOnly(false);
            default ->
                    throw new ApiException(
                            ErrorCode.HTTP_BAD_PARAMETER,
                            "mode invalid, must be 'readonly' or 'default'");
        }
        return mode();
    }

    private ApiResponse status(ServerRole role, String serverId, String endpoint) {
        ObjectNode o = Json.object();
        o.put("server", "arango");
        o.put("version", ctx.cluster().version());
        o.put("pid", ProcessHandle.current().pid());
        o.put("license", "enterprise");
        o.put("mode", "server");
        o.put("operationMode", "server");
        o.put("foxxApi", true);
        o.put("host", hostOf(endpoint));
        o.put("hostname", hostOf(endpoint));
        ObjectNode info = o.putObject("serverInfo");
        ObjectNode progress = info.putObject("progress");
        progress.put("phase", "in wait");
        progress.put("feature", "");
        progress.put("recoveryTick", 0);
        info.put("maintenance", false);
        info.put("role", role.roleName());
        info.put("writeOpsEnabled", !ctx.cluster().readOnly());
        info.put("readOnly", ctx.cluster().readOnly());
        info.put("persistedId", serverId);
        info.put("rebootId", 1);
        info.put("address", endpoint);
        info.put("serverId", serverId);
        info.put("state", "SERVING");
        if (role == ServerRole.COORDINATOR) {
            ObjectNode coord = o.putObject("coordinator");
            CoordinatorInfo first = ctx.cluster().coordinators().get(0);
            coord.put("foxxmaster", first.id());
            coord.put("isFoxxmaster", first.id().equals(serverId));
        }
        ObjectNode agency = o.putObject("agency").putObject("agencyComm");
        agency.putArray("endpoints");
        return ApiResponse.json(200, o);
    }

    static String hostOf(String endpoint) {
        String e = endpoint.replaceFirst("^[a-z]+://", "");
        int colon = e.lastIndexOf(':');
        return colon < 0 ? e : e.substring(0, colon);
    }
}
