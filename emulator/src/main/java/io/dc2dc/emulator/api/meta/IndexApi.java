package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.service.meta.IndexDefinitions;
import io.dc2dc.emulator.service.meta.IndexService;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's {@code /_api/index} API (§7.6): list with {@code identifiers}, get one by id or
 * name, create (201 new, 200 existing) and drop.
 */
final class IndexApi {
    private final ApiContext ctx;
    private final IndexService indexes;

    IndexApi(ApiContext ctx) {
        this.ctx = ctx;
        this.indexes = ctx.meta().indexes();
    }

    void register(Router r) {
        r.get("/_api/index", this::list);
        r.post("/_api/index", this::create);
        r.get("/_api/index/{c}/{id}", this::get);
        r.delete("/_api/index/{c}/{id}", this::drop);
    }

    private ClusterCollection collectionParam(ApiRequest req) {
        String name =
                Responses.requiredParam(req, "collection", 1204, "collection parameter missing");
        return ctx.collection(req, name);
    }

    private ApiResponse list(ApiRequest req) {
        ClusterCollection c = collectionParam(req);
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("indexes");
        ObjectNode ids = o.putObject("identifiers");
        for (ObjectNode def : indexes.all(c)) {
            list.add(def);
            ids.set(def.path("id").asText(), def);
        }
        return ApiResponse.ok(200, o);
    }

    private ApiResponse get(ApiRequest req) {
        ClusterCollection c = ctx.collection(req, req.pathParam("c"));
        return Responses.trailing(200, indexes.get(c, req.pathParam("id")));
    }

    private ApiResponse create(ApiRequest req) {
        ctx.requireWrite(req);
        ClusterCollection c = collectionParam(req);
        IndexService.Ensured e = indexes.ensure(c, Responses.body(req));
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        IndexDefinitions.forApi(c, e.definition()).fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            sorted.put(f.getKey(), f.getValue());
        }
        sorted.put("isNewlyCreated", Json.NODES.booleanNode(e.created()));
        ObjectNode o = Json.object();
        sorted.forEach(o::set);
        return Responses.trailing(e.created() ? 201 : 200, o);
    }

    private ApiResponse drop(ApiRequest req) {
        ctx.requireWrite(req);
        ClusterCollection c = ctx.collection(req, req.pathParam("c"));
        String id = indexes.drop(c, req.pathParam("id"));
        ObjectNode o = Json.object();
        o.put("id", c.name() + "/" + id);
        o.put("error", false);
        o.put("code", 200);
        return ApiResponse.json(200, o);
    }
}
