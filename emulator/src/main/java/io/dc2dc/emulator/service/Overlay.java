package io.dc2dc.emulator.service;

import io.dc2dc.emulator.model.Shard;
import java.util.HashMap;

/**
 * Changes not yet committed to the shard replicas (earlier items of the same array request, or the
 * writes of a stream transaction), consulted before the leader's data. One thread at a time.
 */
final class Overlay {
    private final HashMap<Long, HashMap<String, Change>> byShard = new HashMap<>();

    Change get(Shard s, String key) {
        HashMap<String, Change> m = byShard.get(s.id());
        return m == null ? null : m.get(key);
    }

    void put(Change c) {
        byShard.computeIfAbsent(c.shard().id(), k -> new HashMap<>()).put(c.key(), c);
    }

    boolean isEmpty() {
        return byShard.isEmpty();
    }
}
