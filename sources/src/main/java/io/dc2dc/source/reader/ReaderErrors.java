package io.dc2dc.source.reader;

import io.dc2dc.arango.error.ArangoException;

/** Decides which fetcher failures end the job instead of being retried. */
final class ReaderErrors {

    private ReaderErrors() {}

    /**
     * Authentication and permission failures need the operator: retrying them cannot help; nor can
     * anything that is not an error reported by a cluster (a bug). Everything else (connection
     * loss, a DB-server going away, a leader change) is retried or resolved by a resync.
     */
    static boolean isFatal(RuntimeException e) {
        if (e instanceof ArangoException ae) {
            int status = ae.httpStatus();
            return status == 401 || status == 403;
        }
        return true;
    }
}
