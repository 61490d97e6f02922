package io.dc2dc.arango.wire;

import java.nio.charset.StandardCharsets;

/**
 * A fast path for the common dump line, a raw document: finds the top-level {@code _key} and {@code
 * _rev} string values of one JSON object by scanning its bytes, without a Jackson parser.
 *
 * <p>The top level is checked against JSON's grammar (names, colons, commas, braces); nested values
 * and other strings are skipped by their brackets and quotes, relying on the framing that {@link
 * JsonRecordReader} already checked. A document that is malformed inside a nested value is
 * therefore handed on as is, and the destination refuses it. Anything unusual — no top-level {@code
 * _key} or {@code _rev}, a backslash in a name or in either value, non-string values, bad top-level
 * syntax — makes {@link #scan} return false, and the caller parses the line with Jackson, which
 * gives the precise error. Mutable holder, reused per record; not thread-safe.
 */
final class TopLevelFields {

    String key;
    String rev;

    private byte[] b;
    private int end;
    private int pos;

    /**
     * Scans the object in {@code buf[off, off+len)}; true if {@link #key} and {@link #rev} hold.
     */
    boolean scan(byte[] buf, int off, int len) {
        b = buf;
        pos = off;
        end = off + len;
        key = null;
        rev = null;
        try {
            return object();
        } catch (IllegalStateException e) {
            return false;
        } finally {
            b = null;
        }
    }

    private boolean object() {
        skipWhitespace();
        if (next() != '{') {
            return false;
        }
        skipWhitespace();
        if (peek() == '}') {
            return false; // no _key
        }
        while (true) {
            skipWhitespace();
            if (next() != '"') {
                return false;
            }
            int nameStart = pos;
            int nameEnd = stringEnd();
            skipWhitespace();
            if (nameEnd < 0 || next() != ':') {
                return false;
            }
            skipWhitespace();
            int which = systemName(nameStart, nameEnd);
            if (which != 0) {
                if (next() != '"') {
                    return false;
                }
                int valueStart = pos;
                int valueEnd = stringEnd();
                if (valueEnd < 0) {
                    return false; // an escape: let Jackson decode it
                }
                String value =
                        new String(b, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                if (which == 1) {
                    key = value;
                } else {
                    rev = value;
                }
            } else {
                skipValue();
            }
            skipWhitespace();
            byte c = next();
            if (c == '}') {
                skipWhitespace();
                return pos == end && key != null && rev != null;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    /** 1 for {@code _key}, 2 for {@code _rev}, else 0. */
    private int systemName(int start, int stop) {
        if (stop - start != 4 || b[start] != '_') {
            return 0;
        }
        if (b[start + 1] == 'k' && b[start + 2] == 'e' && b[start + 3] == 'y') {
            return 1;
        }
        if (b[start + 1] == 'r' && b[start + 2] == 'e' && b[start + 3] == 'v') {
            return 2;
        }
        return 0;
    }

    /**
     * Moves past the string whose opening quote was consumed; returns the index of its closing
     * quote, or -1 (also moved past) if it contains an escape.
     */
    private int stringEnd() {
        // locals, no per-byte call: this loop runs over every byte of the document's strings
        byte[] a = b;
        int p = pos;
        int e = end;
        boolean escaped = false;
        while (p < e) {
            byte c = a[p++];
            if (c == '"') {
                pos = p;
                return escaped ? -1 : p - 1;
            }
            if (c == '\\') {
                escaped = true;
                p++; // the escaped character, which may be a quote
            }
        }
        throw new IllegalStateException("end of record inside a string");
    }

    /** Skips one value: a string, a nested object or array, or a scalar. */
    private void skipValue() {
        byte c = next();
        if (c == '"') {
            stringEnd();
        } else if (c == '{' || c == '[') {
            int depth = 1;
            while (depth > 0) {
                byte d = next();
                if (d == '"') {
                    stringEnd();
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
            }
        } else if (c == ',' || c == '}' || c == ']' || c == ':') {
            throw new IllegalStateException("value expected");
        } else {
            while (pos < end) {
                byte d = b[pos];
                if (d == ',' || d == '}' || d == ']' || isWhitespace(d)) {
                    break;
                }
                pos++;
            }
        }
    }

    private void skipWhitespace() {
        while (pos < end && isWhitespace(b[pos])) {
            pos++;
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private byte next() {
        if (pos >= end) {
            throw new IllegalStateException("end of record");
        }
        return b[pos++];
    }

    private byte peek() {
        if (pos >= end) {
            throw new IllegalStateException("end of record");
        }
        return b[pos];
    }
}
