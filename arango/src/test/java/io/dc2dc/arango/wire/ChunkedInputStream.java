package io.dc2dc.arango.wire;

import java.io.ByteArrayInputStream;

/** Serves at most {@code chunk} bytes per read, to exercise buffer boundaries of parsers. */
final class ChunkedInputStream extends ByteArrayInputStream {
    private final int chunk;

    ChunkedInputStream(byte[] data, int chunk) {
        super(data);
        this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
    }
}
