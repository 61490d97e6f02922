package io.dc2dc.source.enumerator;

import io.dc2dc.arango.http.CollectionInfo;
import java.io.Serializable;

/**
 * Creates on the destination what the data of a source collection needs, before any of its shards
 * is assigned. Implemented next to the sink (which owns the destination); the job wires it in.
 * Called on the enumerator's worker thread; implementations must be idempotent.
 */
public interface StructureApplier extends AutoCloseable {

    /** Makes sure the database and the collection exist on the destination. */
    void ensureCollection(String database, CollectionInfo collection);

    @Override
    void close();

    /** Creates the applier on the JobManager; travels with the source, so holds config only. */
    interface Factory extends Serializable {
        StructureApplier create();
    }
}
