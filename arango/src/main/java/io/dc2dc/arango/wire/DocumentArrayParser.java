package io.dc2dc.arango.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Parses a JSON array of documents (the {@code type=docs} answer of the keys API, §3.4) into {@link
 * RawDocument}s with their exact bytes, streaming. {@code null} elements and objects without {@code
 * _key} (documents that vanished meanwhile) are skipped but counted, so callers can resume at the
 * right offset. Stateless; thread-safe.
 */
public final class DocumentArrayParser {

    private DocumentArrayParser() {}

    /**
     * Reads {@code body} to its end, calling {@code consumer} per document.
     *
     * @return records = array elements (including skipped ones), bytes = body bytes
     */
    public static ParseStats parse(InputStream body, RawDocumentConsumer consumer)
            throws IOException {
        JsonRecordReader reader = new JsonRecordReader(body, JsonRecordReader.Mode.ARRAY);
        DocumentFields doc = new DocumentFields();
        long n =
                reader.readAll(
                        (buf, off, len) -> {
                            if (buf[off] != '{') {
                                return; // null placeholder of a missing document
                            }
                            try (JsonParser p = Json.FACTORY.createParser(buf, off, len)) {
                                p.nextToken();
                                if (p.currentToken() != JsonToken.START_OBJECT) {
                                    throw new MalformedBodyException("malformed document");
                                }
                                doc.scan(p);
                            }
                            if (doc.key != null) {
                                consumer.accept(
                                        new RawDocument(
                                                doc.key,
                                                doc.strictRevision("document"),
                                                Arrays.copyOfRange(buf, off, off + len)));
                            }
                        });
        return new ParseStats(n, reader.bytesRead());
    }
}
