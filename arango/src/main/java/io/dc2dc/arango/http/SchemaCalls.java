package io.dc2dc.arango.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ErrorContext;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.arango.wire.MalformedBodyException;
import java.io.IOException;

/**
 * Coordinator calls for databases and collections (structure replication, verification) and the
 * generic JSON escape hatch. Thread-safe.
 */
final class SchemaCalls {

    private final HttpTransport transport;

    SchemaCalls(HttpTransport transport) {
        this.transport = transport;
    }

    void createDatabase(String name, JsonNode options) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        if (options != null && !options.isNull() && !options.isMissingNode()) {
            body.set("options", options);
        }
        send(
                "POST",
                ApiPath.db("_system").path("/_api/database"),
                body,
                ErrorContext.database(name));
    }

    void dropDatabase(String name) {
        send(
                "DELETE",
                ApiPath.db("_system").path("/_api/database/").segment(name),
                null,
                ErrorContext.database(name));
    }

    void createCollection(String db, ObjectNode properties) {
        String name = properties.path("name").asText(null);
        send(
                "POST",
                ApiPath.db(db).path("/_api/collection"),
                properties,
                ErrorContext.collection(db, name));
    }

    void dropCollection(String db, String name, boolean isSystem) {
        send(
                "DELETE",
                ApiPath.db(db)
                        .path("/_api/collection/")
                        .segment(name)
                        .query("isSystem", isSystem ? true : null),
                null,
                ErrorContext.collection(db, name));
    }

    void truncate(String db, String collection) {
        send(
                "PUT",
                ApiPath.db(db).path("/_api/collection/").segment(collection).path("/truncate"),
                null,
                ErrorContext.collection(db, collection));
    }

    long count(String db, String collection) {
        Call call =
                Call.coordinator(
                        "GET",
                        ApiPath.db(db).path("/_api/collection/").segment(collection).path("/count"),
                        ErrorContext.collection(db, collection));
        return transport.execute(call, SchemaCalls::count);
    }

    long shardCount(String serverId, String db, String shard) {
        Call call =
                Call.dbServer(
                        serverId,
                        "GET",
                        ApiPath.db(db).path("/_api/collection/").segment(shard).path("/count"),
                        ErrorContext.shard(db, null, shard));
        return transport.execute(call, SchemaCalls::count);
    }

    /** The {@code count} of a collection's or shard's count answer. */
    private static long count(HttpTransport.Response r) throws IOException {
        JsonNode b = r.json();
        if (!b.path("count").canConvertToLong()) {
            throw new MalformedBodyException("count answer lacks count: " + b);
        }
        return b.get("count").asLong();
    }

    String checksum(String db, String collection, boolean withRevisions, boolean withData) {
        Call call =
                Call.coordinator(
                        "GET",
                        ApiPath.db(db)
                                .path("/_api/collection/")
                                .segment(collection)
                                .path("/checksum")
                                .query("withRevisions", withRevisions)
                                .query("withData", withData),
                        ErrorContext.collection(db, collection));
        return transport.execute(
                call,
                r -> {
                    JsonNode b = r.json();
                    if (!b.hasNonNull("checksum")) {
                        throw new MalformedBodyException("checksum answer lacks checksum: " + b);
                    }
                    return b.get("checksum").asText();
                });
    }

    /** Any coordinator call with an optional JSON body; returns the parsed response body. */
    JsonNode send(String method, String db, String path, JsonNode body) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        ApiPath p = db == null ? ApiPath.root().path(path) : ApiPath.db(db).path(path);
        return send(method, p, body, db == null ? ErrorContext.NONE : ErrorContext.database(db));
    }

    private JsonNode send(String method, ApiPath path, JsonNode body, ErrorContext context) {
        Call call = Call.coordinator(method, path, context);
        if (body != null) {
            call = call.withBody(ReplicationCalls.json(body));
        }
        return transport.execute(call, HttpTransport.Response::json);
    }
}
