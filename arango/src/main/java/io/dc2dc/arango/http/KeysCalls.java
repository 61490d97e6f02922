package io.dc2dc.arango.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.error.ErrorContext;
import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.arango.wire.DocumentArrayParser;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.arango.wire.MalformedBodyException;
import io.dc2dc.arango.wire.ParseStats;
import io.dc2dc.arango.wire.RawDocumentConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The keys API of a DB-server (arangodb-api.md §3.4), used to compare a shard with the destination
 * chunk by chunk: create a key listing under a batch, fetch chunk hashes, then keys and documents
 * of the chunks that differ. Thread-safe.
 */
final class KeysCalls {

    private final HttpTransport transport;

    KeysCalls(HttpTransport transport) {
        this.transport = transport;
    }

    KeysHandle createKeys(String serverId, String db, String shard, String batchId) {
        return transport.execute(
                Call.dbServer(
                        serverId,
                        "POST",
                        ApiPath.db(db)
                                .path("/_api/replication/keys")
                                .query("collection", shard)
                                .query("batchId", batchId),
                        ErrorContext.shard(db, null, shard)),
                r -> {
                    JsonNode b = r.json();
                    if (!b.hasNonNull("id") || !b.hasNonNull("count")) {
                        throw new MalformedBodyException("keys answer lacks id or count: " + b);
                    }
                    return new KeysHandle(b.get("id").asText(), b.get("count").asLong());
                });
    }

    List<KeyChunk> keyChunks(String serverId, String db, String keysId, int chunkSize) {
        return transport.execute(
                Call.dbServer(
                        serverId,
                        "GET",
                        ApiPath.db(db)
                                .path("/_api/replication/keys/")
                                .segment(keysId)
                                .query("chunkSize", chunkSize > 0 ? chunkSize : null),
                        ErrorContext.database(db)),
                r -> {
                    JsonNode chunks = r.json();
                    if (!chunks.isArray()) {
                        throw new MalformedBodyException("key chunks answer is not an array");
                    }
                    List<KeyChunk> out = new ArrayList<>(chunks.size());
                    for (JsonNode c : chunks) {
                        out.add(
                                new KeyChunk(
                                        c.path("low").asText(),
                                        c.path("high").asText(),
                                        c.path("hash").asText()));
                    }
                    return out;
                });
    }

    List<KeyEntry> chunkKeys(
            String serverId, String db, String keysId, int chunk, int chunkSize, String low) {
        return transport.execute(
                Call.dbServer(
                        serverId,
                        "PUT",
                        fetchPath(db, keysId, "keys", chunk, chunkSize, low, null),
                        ErrorContext.database(db)),
                r -> {
                    try (InputStream in = r.body()) {
                        return parseKeyEntries(in);
                    }
                });
    }

    ParseStats chunkDocs(
            String serverId,
            String db,
            String keysId,
            int chunk,
            int chunkSize,
            String low,
            int offset,
            List<Integer> indexes,
            RawDocumentConsumer consumer) {
        StringBuilder body = new StringBuilder(indexes.size() * 6 + 2).append('[');
        for (int i = 0; i < indexes.size(); i++) {
            body.append(i == 0 ? "" : ",").append(indexes.get(i).intValue());
        }
        body.append(']');
        return transport.execute(
                Call.dbServer(
                                serverId,
                                "PUT",
                                fetchPath(db, keysId, "docs", chunk, chunkSize, low, offset),
                                ErrorContext.database(db))
                        .withBody(new StringEntity(body.toString(), ContentType.APPLICATION_JSON)),
                r -> {
                    try (InputStream in = r.body()) {
                        return DocumentArrayParser.parse(in, consumer);
                    }
                });
    }

    void deleteKeys(String serverId, String db, String keysId) {
        transport.execute(
                Call.dbServer(
                        serverId,
                        "DELETE",
                        ApiPath.db(db).path("/_api/replication/keys/").segment(keysId),
                        ErrorContext.database(db)),
                r -> null);
    }

    private static ApiPath fetchPath(
            String db,
            String keysId,
            String type,
            int chunk,
            int chunkSize,
            String low,
            Integer offset) {
        return ApiPath.db(db)
                .path("/_api/replication/keys/")
                .segment(keysId)
                .query("type", type)
                .query("chunk", chunk)
                .query("chunkSize", chunkSize > 0 ? chunkSize : null)
                .query("low", low)
                .query("offset", offset);
    }

    /** Parses {@code [["key","_rev"], ...]} streaming. */
    static List<KeyEntry> parseKeyEntries(InputStream in) throws IOException {
        List<KeyEntry> out = new ArrayList<>();
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedBodyException("chunk keys answer is not an array");
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new MalformedBodyException("chunk key entry without a key");
                }
                String key = p.getText();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new MalformedBodyException("chunk key entry " + key + " without _rev");
                }
                long rev;
                try {
                    rev = Revisions.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    throw new MalformedBodyException("chunk key " + key + ": " + e.getMessage());
                }
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new MalformedBodyException("chunk key entry " + key + " too long");
                }
                out.add(new KeyEntry(key, rev));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new MalformedBodyException("malformed chunk keys answer");
            }
        }
        return out;
    }
}
