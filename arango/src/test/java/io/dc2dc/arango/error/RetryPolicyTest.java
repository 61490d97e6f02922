package io.dc2dc.arango.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final ArangoException TRANSIENT =
            ArangoException.response(
                    "destination",
                    "http://c:8529",
                    "POST",
                    "/_api/document/c",
                    503,
                    0,
                    "service unavailable",
                    ErrorContext.NONE,
                    null);
    private static final ArangoException FATAL =
            ArangoException.response(
                    "destination",
                    "http://c:8529",
                    "POST",
                    "/_api/document/c",
                    404,
                    1203,
                    "collection or view not found",
                    ErrorContext.NONE,
                    null);

    private final List<Duration> sleeps = new ArrayList<>();
    private final RetryPolicy.Sleeper recorder = sleeps::add;

    @Test
    void retriesTransientErrorsUntilSuccess() {
        RetryPolicy policy =
                new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0);
        AtomicInteger calls = new AtomicInteger();
        String result =
                policy.call(
                        "insert",
                        () -> {
                            if (calls.incrementAndGet() < 4) {
                                throw TRANSIENT;
                            }
                            return "ok";
                        },
                        recorder);
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        RetryPolicy policy =
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150), 2.0, 0.0);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                policy.call(
                                        "insert",
                                        () -> {
                                            calls.incrementAndGet();
                                            throw TRANSIENT;
                                        },
                                        recorder))
                .isSameAs(TRANSIENT);
        assertThat(calls).hasValue(3);
        // capped at maxDelay
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
    }

    @Test
    void neverRetriesFatalOrForeignErrors() {
        RetryPolicy policy = RetryPolicy.defaults();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                policy.call(
                                        "insert",
                                        () -> {
                                            calls.incrementAndGet();
                                            throw FATAL;
                                        },
                                        recorder))
                .isSameAs(FATAL);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(
                        () ->
                                policy.call(
                                        "insert",
                                        () -> {
                                            calls.incrementAndGet();
                                            throw bug;
                                        },
                                        recorder))
                .isSameAs(bug);
        assertThat(calls).hasValue(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void jitterOnlyShortensWaits() {
        RetryPolicy policy =
                new RetryPolicy(10, Duration.ofMillis(1000), Duration.ofSeconds(8), 2.0, 0.25);
        assertThat(policy.baseDelayBefore(1)).isZero();
        assertThat(policy.baseDelayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.baseDelayBefore(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.baseDelayBefore(9)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.jittered(Duration.ofSeconds(8), 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.jittered(Duration.ofSeconds(8), 1.0)).isEqualTo(Duration.ofSeconds(6));
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delayBefore(3))
                    .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
        }
    }

    @Test
    void interruptionStopsRetryingAndKeepsTheFlag() {
        RetryPolicy policy = RetryPolicy.defaults();
        try {
            assertThatThrownBy(
                            () ->
                                    policy.call(
                                            "tail",
                                            () -> {
                                                throw TRANSIENT;
                                            },
                                            d -> {
                                                throw new InterruptedException();
                                            }))
                    .isSameAs(TRANSIENT);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(
                                        1, Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
