package io.dc2dc.arango.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body {@code [doc1,doc2,...]} written straight from the documents' bytes, without
 * copying them into one buffer. Repeatable; length known in advance.
 */
final class JsonArrayEntity extends AbstractHttpEntity {

    private final List<byte[]> items;
    private final long length;

    JsonArrayEntity(List<byte[]> items) {
        super(ContentType.APPLICATION_JSON, null);
        this.items = items;
        long n = 2 + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            n += item.length;
        }
        this.length = n;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() throws IOException {
        // only for logging/diagnostics by HttpClient; the transport uses writeTo
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
        writeTo(out);
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(items.get(i));
        }
        out.write(']');
        out.flush();
    }

    @Override
    public void close() {}
}
