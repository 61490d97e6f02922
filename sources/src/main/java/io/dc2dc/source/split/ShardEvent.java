package io.dc2dc.source.split;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * What the enumerator tells readers about shards they may hold. Sent to every reader; the one
 * holding the shard acts, the others ignore it.
 */
public sealed interface ShardEvent extends SourceEvent {

    /** The split id of the shard concerned. */
    String splitId();

    /** The shard has a new leader: tail positions on the old one mean nothing there. */
    record LeaderChanged(String splitId, String newLeader) implements ShardEvent {}

    /** The shard's collection or database was dropped at the source. */
    record Dropped(String splitId) implements ShardEvent {}
}
