package io.dc2dc.sink.structure;

import io.dc2dc.arango.error.ArangoException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one metadata part's work database by database, so that a failure in one database (dropped
 * while the pass runs, a definition the destination refuses) does not hold up the others. The first
 * failure is rethrown at the end with the others attached as suppressed, so the part still counts
 * as failing and is retried at the next discovery.
 */
final class PerDatabase {

    private static final int DATABASE_NOT_FOUND = 1228;

    private PerDatabase() {}

    /**
     * Reads a database's definitions at the source, or returns null if the database was dropped
     * since discovery saw it (the structure part handles that at its next pass).
     */
    static <T> T unlessDropped(Supplier<T> read) {
        try {
            return read.get();
        } catch (ArangoException e) {
            if (e.errorNum() == DATABASE_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

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
