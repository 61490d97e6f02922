package io.dc2dc.emulator.service;

import io.dc2dc.emulator.model.Shard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Holds the locks of a set of shards, taken in ascending shard id order so that concurrent
 * multi-shard writes and placement changes can never deadlock. Use with try-with-resources on the
 * thread that locked.
 */
public final class ShardLocks implements AutoCloseable {
    private final List<Shard> locked;

    private ShardLocks(List<Shard> locked) {
        this.locked = locked;
    }

    public static ShardLocks lock(Collection<Shard> shards) {
        List<Shard> sorted = new ArrayList<>(new LinkedHashSet<>(shards));
        sorted.sort(Comparator.comparingLong(Shard::id));
        List<Shard> done = new ArrayList<>(sorted.size());
        try {
            for (Shard s : sorted) {
                s.lock().lock();
                done.add(s);
            }
        } catch (RuntimeException | Error e) {
            new ShardLocks(done).close();
            throw e;
        }
        return new ShardLocks(done);
    }

    @Override
    public void close() {
        for (int i = locked.size() - 1; i >= 0; i--) {
            locked.get(i).lock().unlock();
        }
    }
}
