package io.dc2dc.arango.model;

/**
 * Where a document lives on the source: database, collection (name and plan id, which tells
 * incarnations of the same name apart), shard and {@code _key}.
 */
public record DocumentAddress(
        String database, String collection, String collectionId, String shard, String key) {}
