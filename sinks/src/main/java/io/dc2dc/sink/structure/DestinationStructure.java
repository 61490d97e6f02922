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

    private final ArangoClient client;
    private final Set<String> ensuredDatabases = new HashSet<>();
    private final Set<String> ensuredCollections = new HashSet<>();

    public DestinationStructure(ClusterSpec destination) {
        this.client = ArangoClient.connect(destination);
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
        ensureDatabase(database);
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

    private void ensureDatabase(String database) {
        if (ensuredDatabases.contains(database)) {
            return;
        }
        if (!client.databases().contains(database)) {
            try {
                client.createDatabase(database, JsonNodeFactory.instance.objectNode());
                LOG.info("Created database {} on the destination", database);
            } catch (ArangoException e) {
                if (e.errorNum() != DUPLICATE_NAME) {
                    throw e;
                }
            }
        }
        ensuredDatabases.add(database);
    }

    @Override
    public void close() {
        client.close();
    }
}
