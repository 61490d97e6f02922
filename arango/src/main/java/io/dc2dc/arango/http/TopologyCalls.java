package io.dc2dc.arango.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.error.ErrorContext;
import io.dc2dc.arango.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coordinator calls that describe a cluster: version, role, servers, databases and the collection
 * inventory. Metadata responses are small and parsed into trees. Thread-safe.
 */
final class TopologyCalls {

    private final HttpTransport transport;

    TopologyCalls(HttpTransport transport) {
        this.transport = transport;
    }

    VersionInfo version() {
        JsonNode v =
                json(
                        Call.coordinator(
                                "GET",
                                ApiPath.db("_system").path("/_api/version").query("details", true),
                                ErrorContext.NONE));
        return new VersionInfo(
                text(v, "server"),
                text(v, "version"),
                text(v, "license"),
                text(v.path("details"), "role"));
    }

    String serverRole() {
        JsonNode r =
                json(
                        Call.coordinator(
                                "GET",
                                ApiPath.db("_system").path("/_admin/server/role"),
                                ErrorContext.NONE));
        return text(r, "role");
    }

    ClusterHealth clusterHealth() {
        Call call =
                Call.coordinator(
                        "GET",
                        ApiPath.db("_system").path("/_admin/cluster/health"),
                        ErrorContext.NONE);
        JsonNode health = json(call).path("Health");
        if (!health.isObject()) {
            throw protocol(call, "/_admin/cluster/health without a Health object");
        }
        Map<String, ServerHealth> servers = new LinkedHashMap<>();
        health.properties()
                .forEach(
                        e ->
                                servers.put(
                                        e.getKey(),
                                        new ServerHealth(
                                                text(e.getValue(), "Role"),
                                                ServerHealth.toUrl(text(e.getValue(), "Endpoint")),
                                                text(e.getValue(), "Status"))));
        return new ClusterHealth(servers);
    }

    List<String> databases() {
        Call call =
                Call.coordinator(
                        "GET", ApiPath.db("_system").path("/_api/database"), ErrorContext.NONE);
        JsonNode result = json(call).path("result");
        if (!result.isArray()) {
            throw protocol(call, "/_api/database without a result array");
        }
        List<String> names = new ArrayList<>(result.size());
        result.forEach(n -> names.add(n.asText()));
        return names;
    }

    JsonNode clusterInventory(String db, boolean includeSystem) {
        return json(
                Call.coordinator(
                        "GET",
                        ApiPath.db(db)
                                .path("/_api/replication/clusterInventory")
                                .query("includeSystem", includeSystem),
                        ErrorContext.database(db)));
    }

    List<CollectionInfo> collections(String db) {
        JsonNode inventory = clusterInventory(db, true);
        JsonNode collections = inventory.path("collections");
        if (!collections.isArray()) {
            throw ArangoException.protocol(
                    transport.cluster(),
                    transport.coordinatorUrl(),
                    "GET",
                    "/_db/" + db + "/_api/replication/clusterInventory",
                    200,
                    "inventory without a collections array",
                    ErrorContext.database(db),
                    null);
        }
        List<CollectionInfo> out = new ArrayList<>(collections.size());
        for (JsonNode entry : collections) {
            JsonNode p = entry.path("parameters");
            if (!p.isObject() || p.path("deleted").asBoolean(false)) {
                continue;
            }
            Map<String, List<String>> shards = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> shard : p.path("shards").properties()) {
                List<String> servers = new ArrayList<>(shard.getValue().size());
                shard.getValue().forEach(s -> servers.add(s.asText()));
                shards.put(shard.getKey(), servers);
            }
            String name = text(p, "name");
            String planId = p.hasNonNull("planId") ? text(p, "planId") : text(p, "id");
            JsonNode indexes = entry.path("indexes");
            out.add(
                    new CollectionInfo(
                            name,
                            planId,
                            text(p, "globallyUniqueId"),
                            p.path("type").asInt(2),
                            p.path("isSystem").asBoolean(name != null && name.startsWith("_")),
                            (ObjectNode) p,
                            indexes.isArray() ? (ArrayNode) indexes : Json.MAPPER.createArrayNode(),
                            shards));
        }
        return out;
    }

    private JsonNode json(Call call) {
        return transport.execute(call, HttpTransport.Response::json);
    }

    private ArangoException protocol(Call call, String problem) {
        return ArangoException.protocol(
                transport.cluster(),
                transport.coordinatorUrl(),
                call.method(),
                call.path(),
                200,
                problem,
                call.context(),
                null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
