package io.dc2dc.arango.http;

/**
 * The outcome of one {@code GET /_api/replication/dump} chunk.
 *
 * @param status 200 (documents delivered) or 204 (nothing left)
 * @param checkMore {@code x-arango-replication-checkmore}: the iterator has more documents
 * @param lastIncluded {@code x-arango-replication-lastincluded}: with RocksDB a per-iterator chunk
 *     counter (not a tick), 0 for an empty chunk
 * @param documents documents handed to the consumer
 * @param bytes body bytes read
 */
public record DumpResult(
        int status, boolean checkMore, long lastIncluded, long documents, long bytes) {}
