package io.dc2dc.sink.structure;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one metadata part's work database by database, so that a failure in one database (dropped
 * while the pass runs, a definition the destination refuses) does not hold up the others. The first
 * failure is rethrown at the end with the others attached as suppressed, so the part still counts
 * as failing and is retried at the next discovery.
 */
final class PerDatabase {

    private PerDatabase() {}

    static void run(String area, List<String> databases, Consumer<String> work) {
        RuntimeException first = null;
        for (String db : databases) {
            try {
                work.accept(db);
            } catch (RuntimeException e) {
                RuntimeException failure =
                        new IllegalStateException(
                                "replicating " + area + " of database " + db + " failed: " + e, e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
