package io.dc2dc.arango.http;

/**
 * A replication batch (a RocksDB snapshot held on one DB-server) from {@code POST
 * /_api/replication/batch}.
 *
 * <pre>{"id": "7312244", "lastTick": "7312230"}  →  Batch("7312244", 7312230)</pre>
 *
 * @param id batch id, used by dump, inventory and keys calls on the same server
 * @param lastTick the server's WAL tick at the snapshot: tailing from it after dumping under the
 *     batch misses nothing and repeats nothing
 */
public record Batch(String id, long lastTick) {}
