package io.dc2dc.arango.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into top-level JSON values without parsing them, keeping their exact bytes:
 * either a sequence of values separated by whitespace (the JSONL of dump and tail bodies;
 * pretty-printed records work too) or the elements of one top-level array.
 *
 * <p>Only one record is buffered at a time; the buffer grows to the largest record seen. A
 * byte-level scanner suffices because JSON's structural characters are ASCII and never occur inside
 * multi-byte UTF-8 sequences; inside strings only {@code "} and {@code \} matter. The record is
 * validated later by the Jackson parser that reads its fields. Not thread-safe: one reader per
 * response body.
 */
final class JsonRecordReader {

    /** Receives each record; the slice is valid only during the call. */
    @FunctionalInterface
    interface RecordHandler {
        void record(byte[] buf, int off, int len) throws IOException;
    }

    /** How records are framed. */
    enum Mode {
        /** Values one after another (JSONL). */
        SEQUENCE,
        /** The elements of one JSON array. */
        ARRAY
    }

    private static final int INITIAL_BUFFER = 64 * 1024;

    private enum Kind {
        STRUCTURE,
        STRING,
        SCALAR
    }

    private final InputStream in;
    private final Mode mode;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private int recStart = -1;
    private long bytesRead;

    // scanner state of the record in progress
    private Kind kind;
    private int depth;
    private boolean inString;
    private boolean escaped;

    // array framing state
    private boolean arrayOpen;
    private boolean arrayClosed;
    private boolean expectComma;

    JsonRecordReader(InputStream in, Mode mode) {
        this.in = in;
        this.mode = mode;
    }

    /** Bytes consumed from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    /**
     * Reads the whole stream, handing every record to {@code handler}.
     *
     * @return the number of records
     * @throws IOException on read errors or malformed framing (truncated body, stray characters)
     */
    long readAll(RecordHandler handler) throws IOException {
        long records = 0;
        while (true) {
            if (pos == limit && !fill()) {
                break;
            }
            if (recStart < 0) {
                if (startRecord()) {
                    continue;
                }
            }
            int end = scan();
            if (end >= 0) {
                handler.record(buf, recStart, end - recStart);
                records++;
                recStart = -1;
                expectComma = true;
            }
        }
        if (recStart >= 0) {
            if (kind != Kind.SCALAR) {
                throw new MalformedBodyException(
                        "body ends inside a JSON value (truncated response)");
            }
            handler.record(buf, recStart, limit - recStart);
            records++;
            recStart = -1;
        }
        if (mode == Mode.ARRAY && !arrayClosed) {
            throw new MalformedBodyException(
                    "body ends before the closing ']' (truncated response)");
        }
        return records;
    }

    /**
     * Consumes separators before a record. Returns true if the byte at {@code pos} was consumed as
     * a separator (caller loops), false if a record starts at {@code pos}.
     */
    private boolean startRecord() throws IOException {
        byte b = buf[pos];
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            pos++;
            return true;
        }
        if (mode == Mode.ARRAY) {
            if (arrayClosed) {
                throw malformed("data after the closing ']'");
            }
            if (!arrayOpen) {
                if (b != '[') {
                    throw malformed("expected a JSON array");
                }
                arrayOpen = true;
                pos++;
                return true;
            }
            if (b == ']') {
                arrayClosed = true;
                pos++;
                return true;
            }
            if (expectComma) {
                if (b != ',') {
                    throw malformed("expected ',' between array elements");
                }
                expectComma = false;
                pos++;
                return true;
            }
        }
        recStart = pos;
        depth = 0;
        inString = false;
        escaped = false;
        if (b == '{' || b == '[') {
            kind = Kind.STRUCTURE;
        } else if (b == '"') {
            kind = Kind.STRING;
        } else if (b == ',' || b == ']' || b == '}' || b == ':') {
            throw malformed("unexpected '" + (char) b + "'");
        } else {
            kind = Kind.SCALAR;
        }
        return false;
    }

    /** Scans from {@code pos}; returns the record's end (exclusive) or -1 if more input needed. */
    private int scan() {
        byte[] b = buf;
        int p = pos;
        int lim = limit;
        switch (kind) {
            case STRUCTURE:
                {
                    // the state in locals, and a tight loop over string contents, which are most
                    // of a document's bytes: this loop sees every byte of every dump
                    boolean str = inString;
                    boolean esc = escaped;
                    int d = depth;
                    for (; p < lim; p++) {
                        byte c = b[p];
                        if (str) {
                            if (esc) {
                                esc = false;
                                continue;
                            }
                            while (c != '"' && c != '\\' && ++p < lim) {
                                c = b[p];
                            }
                            if (p == lim) {
                                break;
                            }
                            if (c == '\\') {
                                esc = true;
                            } else {
                                str = false;
                            }
                        } else if (c == '"') {
                            str = true;
                        } else if (c == '{' || c == '[') {
                            d++;
                        } else if ((c == '}' || c == ']') && --d == 0) {
                            inString = false;
                            escaped = false;
                            depth = 0;
                            pos = p + 1;
                            return pos;
                        }
                    }
                    inString = str;
                    escaped = esc;
                    depth = d;
                }
                break;
            case STRING:
                for (; p < lim; p++) {
                    byte c = b[p];
                    if (p == recStart) {
                        continue; // the opening quote
                    }
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        pos = p + 1;
                        return pos;
                    }
                }
                break;
            default:
                for (; p < lim; p++) {
                    byte c = b[p];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ']'
                            || c == '}') {
                        pos = p;
                        return p;
                    }
                }
                break;
        }
        pos = p;
        return -1;
    }

    /** Makes room and reads more input; false at end of stream. */
    private boolean fill() throws IOException {
        if (recStart < 0) {
            pos = 0;
            limit = 0;
        } else if (recStart > 0) {
            int keep = limit - recStart;
            System.arraycopy(buf, recStart, buf, 0, keep);
            pos -= recStart;
            limit = keep;
            recStart = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, newCapacity(buf.length));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        bytesRead += n;
        return true;
    }

    private static int newCapacity(int current) {
        if (current >= Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("JSON record larger than 2 GiB");
        }
        return (int) Math.min((long) current * 2, Integer.MAX_VALUE - 8);
    }

    private MalformedBodyException malformed(String what) {
        return new MalformedBodyException(
                "malformed body at byte " + (bytesRead - (limit - pos)) + ": " + what);
    }
}
