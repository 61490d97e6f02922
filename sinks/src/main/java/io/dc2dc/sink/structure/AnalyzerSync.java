package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ApiPath;
import io.dc2dc.arango.http.ArangoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each database's custom analyzers on the destination equal the source's, through {@code
 * /_api/analyzer} (copying {@code _analyzers} as data would bypass the servers' analyzer caches).
 * Analyzers are matched by name and compared by type, properties and features; they are immutable,
 * so a changed one is dropped and created again. Drops use {@code force=true}: a destination view
 * may still name the analyzer until the views part, which runs next, brings the view to the
 * source's definition (which no longer uses it, or the source could not have dropped it without
 * force either). Built-in analyzers (no {@code db::} prefix) and those a database sees from {@code
 * _system} are left to their owner.
 *
 * <p>Used from the enumerator's worker thread only.
 */
final class AnalyzerSync implements MetadataPart {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerSync.class);
    private static final int NOT_FOUND = 1202;

    /** What the analyzers part changes on the destination in one database. */
    record Plan(List<String> drop, Map<String, ObjectNode> create) {
        boolean isEmpty() {
            return drop.isEmpty() && create.isEmpty();
        }
    }

    @Override
    public String area() {
        return "analyzers";
    }

    @Override
    public void sync(ArangoClient source, ArangoClient destination, List<String> databases) {
        PerDatabase.run(area(), databases, db -> sync(source, destination, db));
    }

    private static void sync(ArangoClient source, ArangoClient destination, String db) {
        Map<String, ObjectNode> wanted = PerDatabase.unlessDropped(() -> read(source, db));
        if (wanted == null) {
            return;
        }
        Plan plan = plan(wanted, read(destination, db));
        for (String name : plan.drop()) {
            try {
                destination.send(
                        "DELETE",
                        db,
                        ApiPath.root()
                                .path("/_api/analyzer/")
                                .segment(name)
                                .query("force", true)
                                .toString(),
                        null);
                LOG.info("Dropped analyzer {}::{} on the destination", db, name);
            } catch (ArangoException e) {
                if (e.errorNum() != NOT_FOUND) {
                    throw e;
                }
            }
        }
        for (Map.Entry<String, ObjectNode> e : plan.create().entrySet()) {
            ObjectNode body = e.getValue().deepCopy();
            body.put("name", e.getKey());
            destination.send("POST", db, "/_api/analyzer", body);
            LOG.info(
                    "Created analyzer {}::{} ({}) on the destination",
                    db,
                    e.getKey(),
                    body.path("type").asText());
        }
    }

    /**
     * The custom analyzers of {@code db} itself: local name → {@code {type, properties, features}},
     * features sorted (they are a set).
     */
    static Map<String, ObjectNode> read(ArangoClient client, String db) {
        return definitions(db, client.get(db, "/_api/analyzer").path("result"));
    }

    /** The analyzers of a {@code GET /_api/analyzer} result that belong to {@code db}. */
    static Map<String, ObjectNode> definitions(String db, JsonNode listing) {
        String prefix = db + "::";
        Map<String, ObjectNode> out = new TreeMap<>();
        for (JsonNode analyzer : listing) {
            String name = analyzer.path("name").asText();
            if (!name.startsWith(prefix)) {
                continue; // built-in, or one of _system's that every database sees
            }
            ObjectNode definition = JsonNodeFactory.instance.objectNode();
            definition.set("type", analyzer.path("type"));
            JsonNode properties = analyzer.path("properties");
            definition.set(
                    "properties",
                    properties.isObject() ? properties : JsonNodeFactory.instance.objectNode());
            ArrayNode features = definition.putArray("features");
            TreeSet<String> sorted = new TreeSet<>();
            analyzer.path("features").forEach(f -> sorted.add(f.asText()));
            sorted.forEach(features::add);
            out.put(name.substring(prefix.length()), definition);
        }
        return out;
    }

    /** Drops what the source lacks or defines differently, creates what the destination lacks. */
    static Plan plan(Map<String, ObjectNode> source, Map<String, ObjectNode> destination) {
        List<String> drop = new ArrayList<>();
        Map<String, ObjectNode> create = new TreeMap<>();
        for (Map.Entry<String, ObjectNode> e : destination.entrySet()) {
            ObjectNode wanted = source.get(e.getKey());
            if (wanted == null || !wanted.equals(e.getValue())) {
                drop.add(e.getKey());
            }
        }
        for (Map.Entry<String, ObjectNode> e : source.entrySet()) {
            if (!e.getValue().equals(destination.get(e.getKey()))) {
                create.put(e.getKey(), e.getValue());
            }
        }
        return new Plan(drop, create);
    }
}
