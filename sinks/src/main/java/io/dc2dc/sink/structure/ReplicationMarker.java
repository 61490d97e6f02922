package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Marks a destination as replicated into by one dc2dc replication: a document in the destination's
 * {@code _system/_dc2dc} system collection, rewritten at every discovery pass as a heartbeat.
 *
 * <pre>{"_key": "replication", "identity": "http://c1:8529,http://c2:8529#1948733",
 *  "source": "http://c1:8529,http://c2:8529", "heartbeat": 1795773587362}</pre>
 *
 * <p>A job refuses to start when another replication's heartbeat is fresh ({@link #FRESH}); its own
 * (same source endpoints and syncer id, as after a resume) never blocks it. The collection is never
 * replicated or compared.
 */
public final class ReplicationMarker {

    /** The system collection holding the marker. */
    public static final String COLLECTION = "_dc2dc";

    /** A heartbeat younger than this means the other replication is running. */
    public static final Duration FRESH = Duration.ofSeconds(60);

    private static final String KEY = "replication";
    private static final int DUPLICATE_NAME = 1207;
    private static final int NOT_FOUND = 404;

    /** What a destination's marker says. */
    public record Marker(String identity, String source, long heartbeat) {

        /** How long ago the heartbeat was written. */
        public Duration age(long now) {
            return Duration.ofMillis(Math.max(0, now - heartbeat));
        }
    }

    private ReplicationMarker() {}

    /** The identity of a replication: its source endpoints and its syncer id. */
    public static String identity(ClusterSpec source, long syncerId) {
        return sourceName(source) + "#" + syncerId;
    }

    private static String sourceName(ClusterSpec source) {
        return String.join(",", new TreeSet<>(source.endpoints()));
    }

    /** The destination's marker, if there is one. */
    public static Optional<Marker> read(ArangoClient destination) {
        try {
            JsonNode doc = destination.get("_system", "/_api/document/" + COLLECTION + "/" + KEY);
            return Optional.of(
                    new Marker(
                            doc.path("identity").asText(),
                            doc.path("source").asText(),
                            doc.path("heartbeat").asLong()));
        } catch (ArangoException e) {
            if (e.httpStatus() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Writes the heartbeat, creating the collection on first use. */
    static void beat(ArangoClient destination, String identity, long now) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("_key", KEY);
        doc.put("identity", identity);
        doc.put("source", identity.substring(0, identity.lastIndexOf('#')));
        doc.put("heartbeat", now);
        try {
            write(destination, doc);
        } catch (ArangoException e) {
            if (e.httpStatus() != NOT_FOUND) {
                throw e;
            }
            ObjectNode collection = JsonNodeFactory.instance.objectNode();
            collection.put("name", COLLECTION);
            collection.put("isSystem", true);
            try {
                destination.createCollection("_system", collection);
            } catch (ArangoException created) {
                if (created.errorNum() != DUPLICATE_NAME) {
                    throw created;
                }
            }
            write(destination, doc);
        }
    }

    private static void write(ArangoClient destination, ObjectNode doc) {
        destination.send(
                "POST", "_system", "/_api/document/" + COLLECTION + "?overwriteMode=replace", doc);
    }

    /** How often the heartbeat is written at most (discovery passes may be more frequent). */
    static final Duration BEAT_EVERY = Duration.ofSeconds(10);

    /** The metadata part that writes the heartbeat, at most every {@link #BEAT_EVERY}. */
    static MetadataPart heartbeat(String identity) {
        return new MetadataPart() {
            private long lastBeat;

            @Override
            public String area() {
                return "replication marker";
            }

            @Override
            public void sync(ArangoClient source, ArangoClient destination, List<String> dbs) {
                long now = System.currentTimeMillis();
                if (now - lastBeat >= BEAT_EVERY.toMillis()) {
                    beat(destination, identity, now);
                    lastBeat = now;
                }
            }
        };
    }
}
