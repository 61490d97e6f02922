package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;

/**
 * {@code GET /_api/foxx}: the Foxx services mounted in a database, read from its {@code _apps}
 * documents ({@code {"mount":"/my","manifest":{"name":..,"version":..,"provides":{}},
 * "development":false,...}}). Installing services is not emulated; documents written into {@code
 * _apps} (for example by replication) are listed. System mounts ({@code /_…}) are left out unless
 * {@code excludeSystem=false}.
 */
final class FoxxApi {
    private final ApiContext ctx;

    FoxxApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.get("/_api/foxx", this::list);
    }

    private ApiResponse list(ApiRequest req) {
        boolean excludeSystem = req.boolParam("excludeSystem", true);
        ArrayNode out = Json.array();
        for (ObjectNode app : ctx.meta().systemDocuments().all(ctx.db(req), "_apps")) {
            String mount = app.path("mount").asText("");
            if (mount.isEmpty() || (excludeSystem && mount.startsWith("/_"))) {
                continue;
            }
            JsonNode manifest = app.path("manifest");
            ObjectNode s = out.addObject();
            s.put("mount", mount);
            s.set(
                    "name",
                    manifest.path("name").isTextual()
                            ? manifest.get("name")
                            : Json.NODES.nullNode());
            s.set(
                    "version",
                    manifest.path("version").isTextual()
                            ? manifest.get("version")
                            : Json.NODES.nullNode());
            s.set(
                    "provides",
                    manifest.path("provides").isObject()
                            ? manifest.get("provides")
                            : Json.object());
            s.put("development", app.path("development").asBoolean(false));
            s.put("legacy", app.path("legacy").asBoolean(false));
        }
        return ApiResponse.json(200, out);
    }
}
