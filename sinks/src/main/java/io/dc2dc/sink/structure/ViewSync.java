package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ApiPath;
import io.dc2dc.arango.http.ArangoClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each database's views on the destination equal the source's: arangosearch views with their
 * links, search-alias views with their inverted-index references (the indexes themselves are
 * created by name with their collections). Views are matched by name and compared without ids (see
 * {@link ViewDefinitions}); a view is created, updated with only what differs, re-created when
 * something immutable differs, or dropped. A link to a collection, or a reference to an index, that
 * the destination does not have yet is left out and added at a later pass.
 *
 * <p>Used from the enumerator's worker thread only.
 */
final class ViewSync implements MetadataPart {

    private static final Logger LOG = LoggerFactory.getLogger(ViewSync.class);
    private static final int DATA_SOURCE_NOT_FOUND = 1203;

    @Override
    public String area() {
        return "views";
    }

    @Override
    public void sync(ArangoClient source, ArangoClient destination, List<String> databases) {
        PerDatabase.run(area(), databases, db -> sync(source, destination, db));
    }

    private static void sync(ArangoClient source, ArangoClient destination, String db) {
        Map<String, ObjectNode> sourceViews = PerDatabase.unlessDropped(() -> read(source, db));
        if (sourceViews == null) {
            return;
        }
        Map<String, ObjectNode> destinationViews = read(destination, db);
        DestinationObjects present = new DestinationObjects(destination, db);
        for (Map.Entry<String, ObjectNode> e : sourceViews.entrySet()) {
            String name = e.getKey();
            ObjectNode wanted =
                    ViewDefinitions.forDestination(
                            e.getValue(), present::hasCollection, present::hasInvertedIndex);
            ObjectNode existing = destinationViews.get(name);
            if (existing == null) {
                create(destination, db, wanted);
                continue;
            }
            ViewDefinitions.Change change = ViewDefinitions.compare(wanted, existing);
            if (change instanceof ViewDefinitions.Update update) {
                destination.send("PATCH", db, propertiesPath(name), update.body());
                LOG.info(
                        "Updated view {}/{} on the destination: {}",
                        db,
                        name,
                        update.body().properties().stream().map(Map.Entry::getKey).toList());
            } else if (change instanceof ViewDefinitions.Recreate) {
                drop(destination, db, name);
                create(destination, db, wanted);
            }
        }
        for (String name : destinationViews.keySet()) {
            if (!sourceViews.containsKey(name)) {
                drop(destination, db, name);
            }
        }
    }

    /** The views of {@code db}: name → normalized properties. */
    static Map<String, ObjectNode> read(ArangoClient client, String db) {
        Map<String, ObjectNode> out = new TreeMap<>();
        for (JsonNode view : client.get(db, "/_api/view").path("result")) {
            String name = view.path("name").asText();
            try {
                out.put(name, ViewDefinitions.normalize(client.get(db, propertiesPath(name))));
            } catch (ArangoException e) {
                if (e.errorNum() != DATA_SOURCE_NOT_FOUND) {
                    throw e;
                }
                // dropped between the listing and this read: as if it had not been listed
            }
        }
        return out;
    }

    private static void create(ArangoClient destination, String db, ObjectNode wanted) {
        destination.send("POST", db, "/_api/view", wanted);
        LOG.info(
                "Created {} view {}/{} on the destination",
                wanted.path("type").asText(),
                db,
                wanted.path("name").asText());
    }

    private static void drop(ArangoClient destination, String db, String name) {
        try {
            destination.send(
                    "DELETE",
                    db,
                    ApiPath.root().path("/_api/view/").segment(name).toString(),
                    null);
            LOG.info("Dropped view {}/{} on the destination", db, name);
        } catch (ArangoException e) {
            if (e.errorNum() != DATA_SOURCE_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static String propertiesPath(String view) {
        return ApiPath.root().path("/_api/view/").segment(view).path("/properties").toString();
    }

    /**
     * The destination's collections and inverted indexes of one database, read at most once per
     * pass and only when a view links or references them.
     */
    private static final class DestinationObjects {
        private final ArangoClient client;
        private final String db;
        private Set<String> collections;
        private final Map<String, Set<String>> invertedIndexes = new HashMap<>();

        DestinationObjects(ArangoClient client, String db) {
            this.client = client;
            this.db = db;
        }

        boolean hasCollection(String name) {
            if (collections == null) {
                collections = new HashSet<>();
                for (JsonNode c : client.get(db, "/_api/collection").path("result")) {
                    collections.add(c.path("name").asText());
                }
            }
            return collections.contains(name);
        }

        boolean hasInvertedIndex(String collection, String index) {
            if (!hasCollection(collection)) {
                return false;
            }
            return invertedIndexes
                    .computeIfAbsent(collection, this::readInvertedIndexes)
                    .contains(index);
        }

        private Set<String> readInvertedIndexes(String collection) {
            Set<String> names = new HashSet<>();
            String path =
                    ApiPath.root().path("/_api/index").query("collection", collection).toString();
            for (JsonNode index : client.get(db, path).path("indexes")) {
                if ("inverted".equals(index.path("type").asText())) {
                    names.add(index.path("name").asText());
                }
            }
            return names;
        }
    }
}
