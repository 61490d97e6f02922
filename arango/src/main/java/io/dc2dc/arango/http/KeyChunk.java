package io.dc2dc.arango.http;

/**
 * One chunk of a key listing: the key range it covers and a hash over the keys and revisions in it,
 * to compare with the same range of another shard without moving the keys.
 *
 * <pre>{"low": "a", "high": "f7", "hash": "8462349021235643"}</pre>
 */
public record KeyChunk(String low, String high, String hash) {}
