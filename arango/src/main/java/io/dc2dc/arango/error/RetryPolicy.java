package io.dc2dc.arango.error;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with exponential back-off and jitter, applied by callers around client calls (the
 * client itself never retries, so every caller sees and controls what is repeated).
 *
 * <p>Attempt {@code n} (n ≥ 2) waits {@code min(maxDelay, initialDelay × multiplier^(n-2))},
 * shortened by a random share of up to {@code jitter} so that many readers failing together do not
 * retry in lockstep. Only {@link ArangoException#isTransient() transient} errors are retried; after
 * {@code maxAttempts} attempts the last error is thrown. Immutable and serializable (it may travel
 * inside Flink operators); thread-safe.
 *
 * <p>Callers that must not block (Flink's enumerator) use {@link #delayBefore(int)} with their own
 * scheduler instead of {@link #call}.
 */
public final class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    /** Waits between attempts; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;

    /**
     * @param maxAttempts total attempts including the first, at least 1
     * @param initialDelay wait before the second attempt
     * @param maxDelay cap of any single wait
     * @param multiplier growth per attempt, at least 1
     * @param jitter share (0..1) by which a wait may randomly be shortened
     */
    public RetryPolicy(
            int maxAttempts,
            Duration initialDelay,
            Duration maxDelay,
            double multiplier,
            double jitter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialDelay <= maxDelay: " + initialDelay + ", " + maxDelay);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.jitter = jitter;
    }

    /** 8 attempts, 200 ms doubling up to 10 s, 20 % jitter: about 30 s before giving up. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10), 2.0, 0.2);
    }

    /** A single attempt: nothing is retried. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** True if {@code e} is worth another attempt after {@code attemptsMade} attempts. */
    public boolean shouldRetry(RuntimeException e, int attemptsMade) {
        return attemptsMade < maxAttempts && e instanceof ArangoException ae && ae.isTransient();
    }

    /** The wait before attempt {@code attempt} (2 = first retry), without jitter. */
    public Duration baseDelayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 2);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** The wait before attempt {@code attempt}, with jitter. */
    public Duration delayBefore(int attempt) {
        return jittered(baseDelayBefore(attempt), ThreadLocalRandom.current().nextDouble());
    }

    Duration jittered(Duration base, double random01) {
        return Duration.ofMillis(Math.round(base.toMillis() * (1.0 - jitter * random01)));
    }

    /** Runs {@code op}, retrying transient errors; {@code what} names it in log lines. */
    public <T> T call(String what, Supplier<T> op) {
        return call(what, op, d -> Thread.sleep(d.toMillis()));
    }

    /** Like {@link #call(String, Supplier)} without a result. */
    public void run(String what, Runnable op) {
        call(
                what,
                () -> {
                    op.run();
                    return null;
                });
    }

    /** {@link #call(String, Supplier)} with an explicit sleeper (tests). */
    public <T> T call(String what, Supplier<T> op, Sleeper sleeper) {
        Objects.requireNonNull(op, "op");
        for (int attempt = 1; ; attempt++) {
            try {
                return op.get();
            } catch (RuntimeException e) {
                if (!shouldRetry(e, attempt)) {
                    throw e;
                }
                Duration wait = delayBefore(attempt + 1);
                LOG.warn(
                        "{} failed (attempt {} of {}), retrying in {} ms: {}",
                        what,
                        attempt,
                        maxAttempts,
                        wait.toMillis(),
                        e.getMessage());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts="
                + maxAttempts
                + ", initialDelay="
                + initialDelay
                + ", maxDelay="
                + maxDelay
                + ", multiplier="
                + multiplier
                + ", jitter="
                + jitter
                + '}';
    }
}
