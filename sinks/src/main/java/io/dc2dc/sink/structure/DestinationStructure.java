package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ApiPath;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.CollectionInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates on the destination the databases and collections that replicated data needs, with the
 * source collection's sharding and properties. Idempotent: what exists is left alone. Remembers
 * what it has ensured, so a periodic discovery costs no requests for known collections.
 *
 * <p>Used from the enumerator's worker thread only.
 */
public final class DestinationStructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationStructure.class);

    /** Collection properties that are copied to the destination when it is created. */
    private static final List<String> COPIED =
            List.of(
                    "type",
                    "numberOfShards",
                    "shardKeys",
                    "shardingStrategy",
                    "replicationFactor",
                    "writeConcern",
                    "waitForSync",
                    "cacheEnabled",
                    "schema",
                    "computedValues",
                    "keyOptions",
                    "distributeShardsLike",
                    "isSmart",
                    "isDisjoint",
                    "smartGraphAttribute",
                    "smartJoinAttribute",
                    "isSystem");

    /** Collection properties that can change after creation (PUT …/properties). */
    private static final List<String> CHANGEABLE =
            List.of(
                    "waitForSync",
                    "cacheEnabled",
                    "schema",
                    "computedValues",
                    "replicationFactor",
                    "writeConcern");

    private static final int DUPLICATE_NAME = 1207;
    private static final int DATA_SOURCE_NOT_FOUND = 1203;
    private static final int DATABASE_NOT_FOUND = 1228;

    private final ArangoClient client;
    private final ReplicationBounds bounds;
    private final Set<String> ensuredDatabases = new HashSet<>();
    private final Set<String> ensuredCollections = new HashSet<>();

    public DestinationStructure(ClusterSpec destination, StructureOptions options) {
        this.client = ArangoClient.connect(destination);
        this.bounds = new ReplicationBounds(options);
    }

    /** Makes sure {@code database} and the collection exist on the destination. */
    public void ensureCollection(String database, CollectionInfo source) {
        // Indexes and changeable properties are part of what is ensured: a change is applied.
        ObjectNode changeable = JsonNodeFactory.instance.objectNode();
        for (String field : CHANGEABLE) {
            JsonNode value = source.parameters().get(field);
            if (value != null) {
                changeable.set(field, value); // a JSON null removes a schema on the destination
            }
        }
        bounds.apply(changeable);
        String id =
                database
                        + "/"
                        + source.name()
                        + "#"
                        + source.planId()
                        + changeable
                        + source.indexes();
        if (ensuredCollections.contains(id)) {
            return;
        }
        ensureDatabase(database, null);
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.put("name", source.name());
        JsonNode parameters = source.parameters();
        for (String field : COPIED) {
            JsonNode value = parameters.get(field);
            if (value != null && !value.isNull()) {
                properties.set(field, value.deepCopy());
            }
        }
        if (properties.get("keyOptions") instanceof ObjectNode keyOptions) {
            keyOptions.remove("lastValue");
        }
        bounds.apply(properties);
        try {
            client.createCollection(database, properties);
            LOG.info("Created collection {}/{} on the destination", database, source.name());
        } catch (ArangoException e) {
            if (e.errorNum() != DUPLICATE_NAME) {
                throw e;
            }
            // It exists: bring the properties that can change over to the source's values.
            client.send(
                    "PUT",
                    database,
                    "/_api/collection/" + ApiPath.encode(source.name()) + "/properties",
                    changeable);
        }
        IndexSync.apply(client, database, source.name(), source.indexes());
        ensuredCollections.add(id);
    }

    /**
     * Makes sure the database exists on the destination, created with the source's sharding,
     * replication factor and write concern (within the replication bounds).
     *
     * @param current the source's {@code database/current} result, or null for defaults
     */
    public void ensureDatabase(String database, JsonNode current) {
        if (ensuredDatabases.contains(database)) {
            return;
        }
        if (!client.databases().contains(database)) {
            ObjectNode options = JsonNodeFactory.instance.objectNode();
            if (current != null && !"_system".equals(database)) {
                for (String field : List.of("sharding", "replicationFactor", "writeConcern")) {
                    JsonNode value = current.get(field);
                    if (value != null && !value.isNull()) {
                        options.set(field, value);
                    }
                }
                bounds.apply(options);
            }
            try {
                client.createDatabase(database, options);
                LOG.info("Created database {} on the destination", database);
            } catch (ArangoException e) {
                if (e.errorNum() != DUPLICATE_NAME) {
                    throw e;
                }
            }
        }
        ensuredDatabases.add(database);
    }

    /** Drops the collection on the destination; a missing one is no error. */
    public void dropCollection(String database, String collection) {
        try {
            client.dropCollection(database, collection, collection.startsWith("_"));
            LOG.info("Dropped collection {}/{} on the destination", database, collection);
        } catch (ArangoException e) {
            if (e.errorNum() != DATA_SOURCE_NOT_FOUND && e.errorNum() != DATABASE_NOT_FOUND) {
                throw e;
            }
        }
        String prefix = database + "/" + collection + "#";
        ensuredCollections.removeIf(id -> id.startsWith(prefix));
    }

    /** Drops the database on the destination; a missing one is no error. */
    public void dropDatabase(String database) {
        try {
            client.dropDatabase(database);
            LOG.info("Dropped database {} on the destination", database);
        } catch (ArangoException e) {
            if (e.errorNum() != DATABASE_NOT_FOUND) {
                throw e;
            }
        }
        ensuredDatabases.remove(database);
        String prefix = database + "/";
        ensuredCollections.removeIf(id -> id.startsWith(prefix));
    }

    @Override
    public void close() {
        client.close();
    }
}
