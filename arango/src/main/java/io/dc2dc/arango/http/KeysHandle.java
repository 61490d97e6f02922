package io.dc2dc.arango.http;

/**
 * A key listing of one shard under a batch, from {@code POST /_api/replication/keys}.
 *
 * <pre>{"id": "7312244-2010062", "count": 120000}  →  KeysHandle("7312244-2010062", 120000)</pre>
 *
 * @param id keys id ({@code <batchId>-<collectionId>}) for the chunk calls
 * @param count documents in the shard at the batch's snapshot
 */
public record KeysHandle(String id, long count) {}
