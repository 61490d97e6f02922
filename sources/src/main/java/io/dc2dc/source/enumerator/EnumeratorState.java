package io.dc2dc.source.enumerator;

import io.dc2dc.source.split.ShardSplit;
import java.util.List;
import java.util.Map;

/**
 * The enumerator's checkpointed state: every shard it knows (by split id), the splits not yet
 * handed to a reader, the replicated databases with the id of the incarnation seen (name → id), and
 * the destination drops that wait for a checkpoint.
 */
public record EnumeratorState(
        Map<String, KnownShard> known,
        List<ShardSplit> unassigned,
        Map<String, String> databases,
        List<PendingDrop> pendingDrops) {

    public static EnumeratorState empty() {
        return new EnumeratorState(Map.of(), List.of(), Map.of(), List.of());
    }
}
