package io.dc2dc.arango.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared, thread-safe Jackson factory and mapper of the client, with Jackson's default read
 * limits raised to what ArangoDB documents may legally contain (multi-MB strings, long attribute
 * names, deep nesting) so that a large source document never fails replication.
 */
public final class Json {

    /** Streaming factory for dump, tail and bulk-response bodies. */
    public static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .maxNameLength(Integer.MAX_VALUE)
                                    .maxNestingDepth(100_000)
                                    .maxDocumentLength(-1)
                                    .build())
                    .build();

    /** Tree mapper for small metadata responses (version, health, inventory, ...). */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Json() {}
}
