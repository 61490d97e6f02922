package io.dc2dc.source.enumerator;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.CollectionInfo;
import java.io.Serializable;
import java.util.List;

/**
 * Creates on the destination what the data of a source collection needs, before any of its shards
 * is assigned. Implemented next to the sink (which owns the destination); the job wires it in.
 * Called on the enumerator's worker thread; implementations must be idempotent.
 */
public interface StructureApplier extends AutoCloseable {

    /**
     * Makes sure the database exists on the destination, created with the source's options.
     *
     * @param current the source's {@code GET /_db/{db}/_api/database/current} result
     */
    void ensureDatabase(String database, JsonNode current);

    /** Makes sure the database and the collection exist on the destination. */
    void ensureCollection(String database, CollectionInfo collection);

    /**
     * Brings the metadata that does not travel with the data (analyzers, views, users, …) over for
     * the given source databases; called at the end of every discovery pass, after {@link
     * #ensureCollection} for each of their collections.
     */
    void syncMetadata(List<String> databases);

    /** Drops the collection on the destination; a missing one is no error. */
    void dropCollection(String database, String collection);

    /** Drops the database on the destination; a missing one is no error. */
    void dropDatabase(String database);

    @Override
    void close();

    /** Creates the applier on the JobManager; travels with the source, so holds config only. */
    interface Factory extends Serializable {
        StructureApplier create();
    }
}
