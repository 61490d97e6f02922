package io.dc2dc.arango.wire;

/**
 * Receives documents one by one while a response body is being read, on the thread that made the
 * request. Throwing aborts the read; the connection is then discarded, not reused.
 */
@FunctionalInterface
public interface RawDocumentConsumer {
    void accept(RawDocument document);
}
