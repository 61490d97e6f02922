package io.dc2dc.source.reader;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter between {@code initialMillis} and {@code maxMillis}. */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long current;

    Backoff(long initialMillis, long maxMillis) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.current = initialMillis;
    }

    long next() {
        long delay = current + ThreadLocalRandom.current().nextLong(current / 2 + 1);
        current = Math.min(maxMillis, current * 2);
        return Math.min(maxMillis, delay);
    }

    void reset() {
        current = initialMillis;
    }
}
