package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the server state an example script set up ({@code db._create}, {@code save}, {@code
 * _createDatabase}, ...) with ordinary API calls to the coordinator, so that a recorded request can
 * be replayed against the same state.
 *
 * <p>A setup call that fails fails the test with the full response; a call to a path the emulator
 * does not serve yet aborts it with {@code not emulated yet: <endpoint>} when the scenario's area
 * is one that is emulated later. Not thread-safe: one per replay.
 */
final class Fixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper LENIENT =
            new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    /** A stored document's identity. */
    record DocRef(String id, String key, String rev) {}

    private final ConformanceTarget target;
    private final ReplayHttp http;
    private final boolean emulatedLater;

    Fixture(ConformanceTarget target, ReplayHttp http, boolean emulatedLater) {
        this.target = target;
        this.http = http;
        this.emulatedLater = emulatedLater;
    }

    /**
     * {@code json("{'name':'products'}")}: JSON written with single quotes, for readability; {@code
     * members} are name/value pairs of string members to set on the object.
     */
    static String json(String singleQuoted, String... members) {
        try {
            JsonNode node = LENIENT.readTree(singleQuoted);
            for (int i = 0; i < members.length; i += 2) {
                ((ObjectNode) node).put(members[i], members[i + 1]);
            }
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON in scenario: " + singleQuoted, e);
        }
    }

    /**
     * Sends a request to the coordinator and returns the parsed body (a missing node for none).
     *
     * @param ok accepted statuses; none given means any 2xx
     */
    JsonNode call(String method, String path, String body, int... ok) {
        return callAt(
                target.coordinator(), target.coordinatorAuthorization(), method, path, body, ok);
    }

    JsonNode callAt(
            URI base, Optional<String> auth, String method, String path, String body, int... ok) {
        RecordedRequest request =
                new RecordedRequest(
                        method, path, List.of(new HeaderField("accept", "application/json")), body);
        ActualResponse response = http.send(base, request, auth);
        if (emulatedLater && NotEmulatedYet.isUnknownPath(response)) {
            throw NotEmulatedYet.abort(method, path);
        }
        boolean accepted =
                ok.length == 0
                        ? response.status() / 100 == 2
                        : Arrays.stream(ok).anyMatch(s -> s == response.status());
        if (!accepted) {
            throw new AssertionError("setup call " + request + " failed:\n" + response);
        }
        List<JsonNode> values = TranscriptParser.parseJsonValues(response.body());
        return values.isEmpty() ? JSON.missingNode() : values.get(0);
    }

    // ---- databases and collections ------------------------------------------------------

    void createDatabase(String name) {
        call("POST", "/_db/_system/_api/database", json("{'name':'" + name + "'}"));
    }

    void dropDatabase(String name) {
        call("DELETE", "/_db/_system/_api/database/" + name, null, 200, 404);
    }

    /** {@code db._create(name, properties)}; {@code properties} is single-quoted JSON or null. */
    JsonNode createCollection(String name, String properties) {
        String body = json(properties == null ? "{}" : properties, "name", name);
        return call("POST", "/_api/collection", body);
    }

    JsonNode createCollection(String name) {
        return createCollection(name, null);
    }

    /** {@code db._drop(name)}: ignores a collection that does not exist. */
    void dropCollection(String name) {
        call("DELETE", "/_api/collection/" + name, null, 200, 404);
    }

    /** Drops a system collection ({@code isSystem=true}), ignoring one that does not exist. */
    void dropSystemCollection(String name) {
        call("DELETE", "/_api/collection/" + name + "?isSystem=true", null, 200, 404);
    }

    // ---- documents -------------------------------------------------------------------------

    /** {@code db.<collection>.save(doc)}; {@code doc} is single-quoted JSON. */
    DocRef insert(String collection, String doc) {
        JsonNode r = call("POST", "/_api/document/" + collection, json(doc), 201, 202);
        return new DocRef(r.get("_id").asText(), r.get("_key").asText(), r.get("_rev").asText());
    }

    /** {@code db.<collection>.save([...])}; returns the refs in request order. */
    List<DocRef> insertAll(String collection, String docs) {
        JsonNode r = call("POST", "/_api/document/" + collection, json(docs), 201, 202);
        List<DocRef> refs = new ArrayList<>();
        r.forEach(
                d ->
                        refs.add(
                                new DocRef(
                                        d.get("_id").asText(),
                                        d.get("_key").asText(),
                                        d.get("_rev").asText())));
        return refs;
    }

    void remove(String collection, String key) {
        call("DELETE", "/_api/document/" + collection + "/" + key, null, 200, 202);
    }

    // ---- stream transactions ---------------------------------------------------------------

    /** {@code db._createTransaction(body)}; returns the transaction id. */
    String beginTransaction(String body) {
        return call("POST", "/_api/transaction/begin", json(body), 201)
                .path("result")
                .path("id")
                .asText();
    }

    void abortTransaction(String id) {
        call("DELETE", "/_api/transaction/" + id, null, 200, 404, 409);
    }

    // ---- DB-servers ------------------------------------------------------------------------

    /** Every DB-server's base URL, keyed by server id, from {@code /_admin/cluster/health}. */
    Map<String, URI> dbServers() {
        JsonNode health = call("GET", "/_admin/cluster/health", null, 200).path("Health");
        Map<String, URI> servers = new TreeMap<>();
        health.fields()
                .forEachRemaining(
                        e -> {
                            if ("DBServer".equals(e.getValue().path("Role").asText())) {
                                servers.put(
                                        e.getKey(),
                                        httpUrl(e.getValue().path("Endpoint").asText()));
                            }
                        });
        if (servers.isEmpty()) {
            throw new AssertionError("no DB-server in /_admin/cluster/health: " + health);
        }
        return servers;
    }

    /** The DB-server leading the first shard of {@code collection} in {@code _system}. */
    URI leaderOf(String collection) {
        JsonNode shards =
                call("GET", "/_api/collection/" + collection + "/shards?details=true", null, 200)
                        .path("shards");
        String leader = shards.elements().next().get(0).asText();
        URI url = dbServers().get(leader);
        if (url == null) {
            throw new AssertionError("leader " + leader + " of " + collection + " not in health");
        }
        return url;
    }

    /** {@code re.logger.state().state.lastLogTick} on one DB-server. */
    String lastLogTick(URI dbServer) {
        return callAt(
                        dbServer,
                        target.dbServerAuthorization(),
                        "GET",
                        "/_api/replication/logger-state",
                        null,
                        200)
                .path("state")
                .path("lastLogTick")
                .asText();
    }

    Optional<String> dbServerAuthorization() {
        return target.dbServerAuthorization();
    }

    private static URI httpUrl(String endpoint) {
        // ArangoDB endpoints read tcp://host:port or ssl://host:port
        if (endpoint.startsWith("tcp://")) {
            return URI.create("http://" + endpoint.substring(6));
        }
        if (endpoint.startsWith("ssl://")) {
            return URI.create("https://" + endpoint.substring(6));
        }
        return URI.create(endpoint);
    }
}
