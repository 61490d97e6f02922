package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.Batch;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.arango.http.DumpResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the source's {@code _system/_users} documents whole, password hashes included, the way
 * arangodump does: a short-lived batch on the leader DB-server of each {@code _users} shard and a
 * dump under it (needs the source's JWT secret, which the job has anyway for tailing).
 *
 * <p>Why not an API: {@code /_api/user} never returns hashes, and listing {@code _users} through
 * AQL needs a query engine the job otherwise does not use. Which thread: the caller's (blocking).
 */
final class SourceUsers {

    /** A user document and its source revision (decoded {@code _rev}). */
    record SourceUser(String name, long rev, ObjectNode document) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "_system";
    private static final String USERS = "_users";
    private static final Duration BATCH_TTL = Duration.ofSeconds(60);
    private static final int CHUNK_BYTES = 1 << 20;

    private SourceUsers() {}

    /** Every user of the source by name. */
    static Map<String, SourceUser> read(ArangoClient source) {
        CollectionInfo users =
                source.collections(SYSTEM).stream()
                        .filter(c -> USERS.equals(c.name()))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the source's _system database has no _users"
                                                        + " collection"));
        Map<String, SourceUser> out = new TreeMap<>();
        for (String shard : users.shards().keySet()) {
            String leader = users.leader(shard);
            if (leader == null) {
                throw new IllegalStateException(
                        "shard " + shard + " of _system/_users has no leader on the source");
            }
            readShard(source, leader, shard, out);
        }
        return out;
    }

    private static void readShard(
            ArangoClient source, String leader, String shard, Map<String, SourceUser> out) {
        Batch batch = source.createBatch(leader, SYSTEM, BATCH_TTL, 0);
        try {
            long lastIncluded = -1;
            while (true) {
                DumpResult r =
                        source.dump(
                                leader,
                                SYSTEM,
                                shard,
                                batch.id(),
                                CHUNK_BYTES,
                                d -> add(d.bytes(), d.rev(), out));
                // arangodump's rule: go on while the server has more and the chunk counter moves
                if (r.status() != 200 || !r.checkMore() || r.lastIncluded() <= lastIncluded) {
                    return;
                }
                lastIncluded = r.lastIncluded();
            }
        } finally {
            try {
                source.deleteBatch(leader, SYSTEM, batch.id());
            } catch (ArangoException e) {
                // it expires by itself within BATCH_TTL; the users were read
            }
        }
    }

    private static void add(byte[] json, long rev, Map<String, SourceUser> out) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable _users document on the source", e);
        }
        JsonNode name = doc.get("user");
        // A document without a user name cannot log in anywhere and cannot be upserted.
        if (doc.isObject() && name != null && name.isTextual()) {
            out.put(name.asText(), new SourceUser(name.asText(), rev, (ObjectNode) doc));
        }
    }
}
