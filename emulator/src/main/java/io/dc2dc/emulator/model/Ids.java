package io.dc2dc.emulator.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster-wide unique numeric ids (databases, collections, shards, transactions, batches and
 * generated document keys), like the ids a real cluster takes from its agency. Thread-safe.
 */
public final class Ids {
    private final AtomicLong next;

    public Ids(long start) {
        this.next = new AtomicLong(start);
    }

    public long next() {
        return next.incrementAndGet();
    }

    /** Reserves {@code n} consecutive ids and returns the first. */
    public long reserve(int n) {
        return next.getAndAdd(n) + 1;
    }
}
