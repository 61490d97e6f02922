package io.dc2dc.arango.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a DB-server's write-ahead log as {@code /_api/wal/tail} prints it.
 *
 * <pre>{"tick":"184793","type":2300,"db":"shop","cuid":"c2010061/s2010062","tid":"0",
 *  "data":{"_key":"p2","_id":"products/p2","_rev":"_l6zhVVS---","hp":5100}}</pre>
 *
 * becomes {@code WalMarker(184793, 2300, "shop", "c2010061/s2010062", "0", "p2",
 * 1872607071813238784, <the exact bytes of data>)}.
 *
 * @param tick the server's log sequence number (meaningful only on that server)
 * @param type see {@link MarkerTypes}
 * @param db database name, null if absent
 * @param cuid globally unique id of the collection (or view), null if absent
 * @param tid transaction id, {@code "0"} for standalone operations, null if absent
 * @param key {@code data._key} for document markers (2300/2301/2302), else null
 * @param rev {@code data._rev} decoded; for a remove the revision of the removed document; 0 if
 *     absent or not decodable (removes of pre-3.8 collections carry no real revision)
 * @param data the exact JSON bytes of {@code data}, null if the marker has none
 */
public record WalMarker(
        long tick,
        int type,
        String db,
        String cuid,
        String tid,
        String key,
        long rev,
        byte[] data) {

    /** {@code data} as a string, or null (tests, diagnostics). */
    public String dataJson() {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalMarker m
                && tick == m.tick
                && type == m.type
                && rev == m.rev
                && Objects.equals(db, m.db)
                && Objects.equals(cuid, m.cuid)
                && Objects.equals(tid, m.tid)
                && Objects.equals(key, m.key)
                && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tick, type, db, cuid, tid, key, rev);
    }

    @Override
    public String toString() {
        return "WalMarker[tick="
                + tick
                + ", type="
                + type
                + ", db="
                + db
                + ", cuid="
                + cuid
                + ", tid="
                + tid
                + ", key="
                + key
                + ", rev="
                + rev
                + (data == null ? "" : ", " + data.length + " data bytes")
                + "]";
    }
}
