package io.dc2dc.arango.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Parses the body of {@code GET /_api/replication/dump} (content type {@code
 * application/x-arango-dump}) into {@link RawDocument}s, streaming.
 *
 * <p>Each line is either a raw document ({@code useEnvelope=false}):
 *
 * <pre>{"_key":"p1","_id":"products/p1","_rev":"_l6zhVTu---","name":"flux compensator"}</pre>
 *
 * or an envelope ({@code useEnvelope=true}, the server default):
 *
 * <pre>{"type":2300,"data":{"_key":"p1","_id":"products/p1","_rev":"_l6zhVTu---",...}}</pre>
 *
 * <p>Raw document lines take a fast path ({@link TopLevelFields}) that reads only the top level;
 * any other line is parsed with Jackson. The document bytes handed on are exactly those the server
 * sent. A RocksDB dump holds only documents (2300); any other envelope type is a protocol error.
 * Stateless; thread-safe.
 */
public final class DumpStreamParser {

    private DumpStreamParser() {}

    /**
     * Reads {@code body} to its end, calling {@code consumer} once per document in order.
     *
     * @throws IOException on read errors or a malformed body; exceptions thrown by the consumer
     *     propagate unchanged
     */
    public static ParseStats parse(InputStream body, RawDocumentConsumer consumer)
            throws IOException {
        JsonRecordReader reader = new JsonRecordReader(body, JsonRecordReader.Mode.SEQUENCE);
        DocumentFields doc = new DocumentFields();
        TopLevelFields fast = new TopLevelFields();
        long n =
                reader.readAll(
                        (buf, off, len) -> consumer.accept(toDocument(buf, off, len, doc, fast)));
        return new ParseStats(n, reader.bytesRead());
    }

    private static RawDocument toDocument(
            byte[] buf, int off, int len, DocumentFields doc, TopLevelFields fast)
            throws IOException {
        if (fast.scan(buf, off, len)) {
            // the usual line, a raw document (useEnvelope=false): no parser needed
            doc.key = fast.key;
            doc.rev = fast.rev;
            return new RawDocument(
                    fast.key,
                    doc.strictRevision("dump document"),
                    Arrays.copyOfRange(buf, off, off + len));
        }
        try (JsonParser p = Json.FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("dump line is not a JSON object");
            }
            int type = -1;
            int dataStart = -1;
            int dataEnd = -1;
            String key = null;
            String rev = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT && "data".equals(name)) {
                    dataStart = (int) p.currentTokenLocation().getByteOffset();
                    doc.scan(p);
                    dataEnd = doc.end;
                } else if (value == JsonToken.VALUE_STRING && "_key".equals(name)) {
                    key = p.getText();
                } else if (value == JsonToken.VALUE_STRING && "_rev".equals(name)) {
                    rev = p.getText();
                } else if (value == JsonToken.VALUE_NUMBER_INT && "type".equals(name)) {
                    type = p.getIntValue();
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new MalformedBodyException("malformed dump line");
            }
            if (key != null) {
                // a raw document (which may itself have "type" and "data" attributes)
                doc.key = key;
                doc.rev = rev;
                return new RawDocument(
                        key,
                        doc.strictRevision("dump document"),
                        Arrays.copyOfRange(buf, off, off + len));
            }
            if (dataStart < 0) {
                throw new MalformedBodyException("dump line has neither _key nor data");
            }
            if (!MarkerTypes.isUpsert(type)) {
                throw new MalformedBodyException("unexpected marker type " + type + " in a dump");
            }
            if (doc.key == null) {
                throw new MalformedBodyException("dump document without _key");
            }
            return new RawDocument(
                    doc.key,
                    doc.strictRevision("dump document"),
                    Arrays.copyOfRange(buf, off + dataStart, off + dataEnd));
        }
    }
}
