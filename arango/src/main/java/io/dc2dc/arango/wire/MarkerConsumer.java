package io.dc2dc.arango.wire;

/**
 * Receives WAL markers one by one, in log order, while a tail response is being read, on the thread
 * that made the request. Throwing aborts the read; the connection is then discarded.
 */
@FunctionalInterface
public interface MarkerConsumer {
    void accept(WalMarker marker);
}
