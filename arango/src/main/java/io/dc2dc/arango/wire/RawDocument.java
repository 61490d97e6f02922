package io.dc2dc.arango.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One document as read from a dump, keys or document response: its {@code _key}, its revision
 * decoded from {@code _rev}, and its exact JSON bytes as the server sent them (compact, UTF-8,
 * including {@code _key}, {@code _id}, {@code _rev}), ready to be written to the destination
 * unchanged.
 *
 * <pre>
 * RawDocument("p2", 1872607071813238784, {"_key":"p2","_id":"products/p2","_rev":"_l6zhVVS---","hp":5100})
 * </pre>
 */
public record RawDocument(String key, long rev, byte[] bytes) {

    public RawDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The document as a string (tests, diagnostics). */
    public String json() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawDocument d
                && rev == d.rev
                && key.equals(d.key)
                && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Long.hashCode(rev);
    }

    @Override
    public String toString() {
        return "RawDocument[key=" + key + ", rev=" + rev + ", " + bytes.length + " bytes]";
    }
}
