package io.dc2dc.job;

import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.sink.structure.DestinationStructure;
import io.dc2dc.source.enumerator.StructureApplier;

/**
 * Connects the source's structure hook to the destination structure applier of the sink module,
 * which the source module may not know.
 */
final class StructureWiring implements StructureApplier.Factory {

    private static final long serialVersionUID = 1L;

    private final ClusterSpec destination;

    StructureWiring(ClusterSpec destination) {
        this.destination = destination;
    }

    @Override
    public StructureApplier create() {
        DestinationStructure structure = new DestinationStructure(destination);
        return new StructureApplier() {
            @Override
            public void ensureCollection(String database, CollectionInfo collection) {
                structure.ensureCollection(database, collection);
            }

            @Override
            public void close() {
                structure.close();
            }
        };
    }
}
