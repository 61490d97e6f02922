package io.dc2dc.arango.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Parses the body of {@code GET /_api/wal/tail} (JSONL, content type {@code
 * application/x-arango-dump}) into {@link WalMarker}s, streaming, in log order:
 *
 * <pre>{"tick":"184793","type":2001,"db":"_system","cuid":"h5C3DDE5391BF/74577"}
 * {"tick":"184801","type":2300,"db":"shop","cuid":"c2010061/s2010062","tid":"0","data":{"_key":"p2",...}}
 * </pre>
 *
 * <p>Field order is not relied upon. {@code data} is handed on as the exact bytes the server sent;
 * for document markers its {@code _key} and {@code _rev} are extracted in the same pass. A remove
 * marker's {@code _rev} may be decimal or encoded, or meaningless (pre-3.8 collections): it is
 * decoded leniently (0 if undecodable); an upsert's {@code _rev} must be valid. Stateless;
 * thread-safe.
 */
public final class WalStreamParser {

    private WalStreamParser() {}

    /**
     * Reads {@code body} to its end, calling {@code consumer} once per marker.
     *
     * @throws IOException on read errors or a malformed body; exceptions thrown by the consumer
     *     propagate unchanged
     */
    public static ParseStats parse(InputStream body, MarkerConsumer consumer) throws IOException {
        JsonRecordReader reader = new JsonRecordReader(body, JsonRecordReader.Mode.SEQUENCE);
        DocumentFields doc = new DocumentFields();
        long n = reader.readAll((buf, off, len) -> consumer.accept(toMarker(buf, off, len, doc)));
        return new ParseStats(n, reader.bytesRead());
    }

    private static WalMarker toMarker(byte[] buf, int off, int len, DocumentFields doc)
            throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("WAL marker is not a JSON object");
            }
            long tick = -1;
            int type = -1;
            String db = null;
            String cuid = null;
            String tid = null;
            int dataStart = -1;
            int dataEnd = -1;
            boolean dataIsObject = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "tick":
                        tick = parseTick(p, value);
                        break;
                    case "type":
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new MalformedBodyException("WAL marker type is not an integer");
                        }
                        type = p.getIntValue();
                        break;
                    case "db":
                        db = scalarText(p, value);
                        break;
                    case "cuid":
                        cuid = scalarText(p, value);
                        break;
                    case "tid":
                        tid = scalarText(p, value);
                        break;
                    case "data":
                        dataStart = (int) p.currentTokenLocation().getByteOffset();
                        if (value == JsonToken.START_OBJECT) {
                            dataEnd = doc.scan(p).end;
                            dataIsObject = true;
                        } else {
                            p.skipChildren();
                            p.finishToken(); // so that the location is past a string value
                            dataEnd = (int) p.currentLocation().getByteOffset();
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new MalformedBodyException("malformed WAL marker");
            }
            if (tick < 0 || type < 0) {
                throw new MalformedBodyException("WAL marker without tick or type");
            }
            byte[] data =
                    dataStart < 0 ? null : Arrays.copyOfRange(buf, off + dataStart, off + dataEnd);
            String key = null;
            long rev = 0;
            boolean documentMarker = MarkerTypes.isUpsert(type) || type == MarkerTypes.REMOVE;
            if (documentMarker) {
                if (!dataIsObject || doc.key == null) {
                    throw new MalformedBodyException(
                            "document marker at tick " + tick + " without data._key");
                }
                key = doc.key;
                rev =
                        type == MarkerTypes.REMOVE
                                ? doc.lenientRevision()
                                : doc.strictRevision("document marker at tick " + tick);
            }
            return new WalMarker(tick, type, db, cuid, tid, key, rev, data);
        }
    }

    private static long parseTick(JsonParser p, JsonToken value) throws IOException {
        String text = scalarText(p, value);
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedBodyException("WAL marker tick is not a number: " + text);
        }
    }

    private static String scalarText(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isScalarValue()) {
            p.skipChildren();
            throw new MalformedBodyException("expected a string in WAL marker, got " + value);
        }
        return p.getText();
    }
}
