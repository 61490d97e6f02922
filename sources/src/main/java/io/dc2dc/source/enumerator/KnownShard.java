package io.dc2dc.source.enumerator;

/**
 * A shard the enumerator has created a split for, with the leader it last saw.
 *
 * <pre>{"database": "shop", "collection": "orders", "collectionId": "2010061",
 *  "shard": "s2010062", "leader": "PRMR-7f3a"}</pre>
 */
public record KnownShard(
        String database, String collection, String collectionId, String shard, String leader) {

    public String splitId() {
        return database + "/" + shard;
    }

    KnownShard withLeader(String newLeader) {
        return new KnownShard(database, collection, collectionId, shard, newLeader);
    }
}
