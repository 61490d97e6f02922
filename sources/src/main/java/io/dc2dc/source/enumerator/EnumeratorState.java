package io.dc2dc.source.enumerator;

import io.dc2dc.source.split.ShardSplit;
import java.util.List;
import java.util.Map;

/**
 * The enumerator's checkpointed state: every shard it knows (by split id), and the splits not yet
 * handed to a reader.
 */
public record EnumeratorState(Map<String, KnownShard> known, List<ShardSplit> unassigned) {

    public static EnumeratorState empty() {
        return new EnumeratorState(Map.of(), List.of());
    }
}
