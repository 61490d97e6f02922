package io.dc2dc.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.sink.structure.DestinationStructure;
import io.dc2dc.sink.structure.MetadataSync;
import io.dc2dc.sink.structure.StructureOptions;
import io.dc2dc.source.enumerator.StructureApplier;
import java.util.List;

/**
 * Connects the source's structure hook to the destination structure applier of the sink module,
 * which the source module may not know.
 */
final class StructureWiring implements StructureApplier.Factory {

    private static final long serialVersionUID = 1L;

    private final ClusterSpec source;
    private final ClusterSpec destination;
    private final StructureOptions options;

    StructureWiring(ClusterSpec source, ClusterSpec destination, StructureOptions options) {
        this.source = source;
        this.destination = destination;
        this.options = options;
    }

    @Override
    public StructureApplier create() {
        DestinationStructure structure = new DestinationStructure(destination, options);
        MetadataSync metadata = new MetadataSync(source, destination, options);
        return new StructureApplier() {
            @Override
            public void ensureDatabase(String database, JsonNode current) {
                structure.ensureDatabase(database, current);
            }

            @Override
            public void ensureCollection(String database, CollectionInfo collection) {
                structure.ensureCollection(database, collection);
            }

            @Override
            public void dropCollection(String database, String collection) {
                structure.dropCollection(database, collection);
            }

            @Override
            public void dropDatabase(String database) {
                structure.dropDatabase(database);
            }

            @Override
            public void syncMetadata(List<String> databases) {
                metadata.sync(databases);
            }

            @Override
            public void close() {
                metadata.close();
                structure.close();
            }
        };
    }
}
