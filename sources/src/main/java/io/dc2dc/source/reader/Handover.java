package io.dc2dc.source.reader;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded queue from the fetcher threads to the task thread. A full queue blocks the fetchers
 * (backpressure); the task thread never blocks on it and learns of new items through {@link
 * #available()}.
 */
final class Handover {

    private final BlockingQueue<Fetched> queue;
    private final Object lock = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();

    Handover(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Called by fetcher threads; blocks while the queue is full. */
    void put(Fetched item) throws InterruptedException {
        queue.put(item);
        synchronized (lock) {
            available.complete(null);
        }
    }

    /** Called by the task thread; null when empty. */
    Fetched poll() {
        return queue.poll();
    }

    /** A future that completes once an item is there (immediately if one is). */
    CompletableFuture<Void> available() {
        synchronized (lock) {
            if (!queue.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }
    }

    /** Wakes the task thread without an item, e.g. after an event from the enumerator. */
    void wakeUp() {
        synchronized (lock) {
            available.complete(null);
        }
    }
}
