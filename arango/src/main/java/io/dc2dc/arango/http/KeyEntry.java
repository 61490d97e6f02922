package io.dc2dc.arango.http;

/**
 * A key and its revision, one entry of {@code PUT /_api/replication/keys/{id}?type=keys}.
 *
 * <pre>["p1", "_l6zhVTu---"]  →  KeyEntry("p1", 1872607071066652672)</pre>
 */
public record KeyEntry(String key, long rev) {}
