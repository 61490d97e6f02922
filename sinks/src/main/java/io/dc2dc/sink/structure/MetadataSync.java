package io.dc2dc.sink.structure;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the metadata that does not travel with the data (see {@link MetadataPart}) from the source
 * to the destination, once per discovery pass of the source, after the collections exist. A part
 * that fails is logged and retried at the next pass; the other parts still run.
 *
 * <p>Used from the enumerator's worker thread only.
 */
public final class MetadataSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataSync.class);

    private final ArangoClient source;
    private final ArangoClient destination;
    private final List<MetadataPart> parts;
    private final List<String> failing = new ArrayList<>();

    public MetadataSync(ClusterSpec source, ClusterSpec destination, StructureOptions options) {
        this.source = ArangoClient.connect(source);
        this.destination = ArangoClient.connect(destination);
        this.parts = parts(options);
    }

    /** The parts in the order they must run: analyzers before the views that use them. */
    private static List<MetadataPart> parts(StructureOptions options) {
        List<MetadataPart> parts = new ArrayList<>();
        parts.add(new UserSync(options.excludeRootUser()));
        parts.add(new AnalyzerSync());
        parts.add(new ViewSync());
        if (options.replicationIdentity() != null) {
            parts.add(ReplicationMarker.heartbeat(options.replicationIdentity()));
        }
        return parts;
    }

    /** One pass over every part for the given source databases. */
    public void sync(List<String> databases) {
        for (MetadataPart part : parts) {
            try {
                part.sync(source, destination, databases);
                if (failing.remove(part.area())) {
                    LOG.info("Replicating {} to the destination works again", part.area());
                }
            } catch (RuntimeException e) {
                if (!failing.contains(part.area())) {
                    failing.add(part.area());
                }
                LOG.warn(
                        "Replicating {} to the destination failed; retrying at the next"
                                + " discovery: {}",
                        part.area(),
                        e.toString());
            }
        }
    }

    /** Areas whose last pass failed (for tests and status). */
    public List<String> failingAreas() {
        return List.copyOf(failing);
    }

    @Override
    public void close() {
        source.close();
        destination.close();
    }
}
