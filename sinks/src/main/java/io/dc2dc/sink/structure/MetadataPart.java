package io.dc2dc.sink.structure;

import io.dc2dc.arango.http.ArangoClient;
import java.util.List;

/**
 * One area of cluster metadata that is not carried by the data path (for example analyzers, views
 * or users) and is brought over by comparing the source's definitions with the destination's.
 * Implementations are idempotent: a pass over an equal destination sends no writes.
 */
interface MetadataPart {

    /** A short name for logs and errors, e.g. {@code "views"}. */
    String area();

    /**
     * Makes the destination's definitions of this area equal the source's, for the given source
     * databases (which exist on the destination already, with their collections).
     */
    void sync(ArangoClient source, ArangoClient destination, List<String> databases);
}
