package io.dc2dc.arango.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dc2dc.arango.rev.Revisions;
import java.io.IOException;

/**
 * Reads {@code _key} and {@code _rev} of one JSON object and where it ends, in a single pass of a
 * Jackson parser positioned on the object's {@code START_OBJECT}. Other attributes are skipped
 * without being decoded. Mutable holder, reused per record; not thread-safe.
 */
final class DocumentFields {

    String key;
    String rev;

    /** Offset (relative to the parser's input start) just after the closing brace. */
    int end;

    /** Consumes the object at the parser's current {@code START_OBJECT}. */
    DocumentFields scan(JsonParser p) throws IOException {
        key = null;
        rev = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && "_key".equals(name)) {
                key = p.getText();
            } else if (value == JsonToken.VALUE_STRING && "_rev".equals(name)) {
                rev = p.getText();
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedBodyException("malformed JSON object");
        }
        end = (int) p.currentLocation().getByteOffset();
        return this;
    }

    /** The revision decoded strictly (documents always carry a valid {@code _rev}). */
    long strictRevision(String what) throws IOException {
        if (rev == null) {
            throw new MalformedBodyException(what + " without _rev (key " + key + ")");
        }
        try {
            return Revisions.parse(rev);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException(
                    what + " with invalid _rev \"" + rev + "\" (key " + key + ")");
        }
    }

    /** The revision decoded leniently: 0 if absent or not decodable. */
    long lenientRevision() {
        if (rev == null) {
            return 0;
        }
        try {
            return Revisions.parse(rev);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
