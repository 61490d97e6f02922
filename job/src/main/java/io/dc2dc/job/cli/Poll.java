package io.dc2dc.job.cli;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a probe until a condition holds or a deadline passes; on timeout the error names what was
 * awaited and the last observed state (exit code 3).
 */
final class Poll {

    private Poll() {}

    static <T> T until(
            CliContext ctx,
            Duration timeout,
            String what,
            Supplier<T> probe,
            Predicate<T> done,
            Function<T, String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw CliException.failed(
                        "timed out after "
                                + Durations.format(timeout)
                                + " waiting for "
                                + what
                                + "; last seen: "
                                + describe.apply(value));
            }
            ctx.pause();
        }
    }
}
