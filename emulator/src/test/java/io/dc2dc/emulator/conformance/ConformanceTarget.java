package io.dc2dc.emulator.conformance;

import java.net.URI;
import java.util.Optional;

/**
 * The server a replay talks to: a coordinator, plus the way to reach and authenticate at the
 * DB-servers for the requests a real cluster serves only there ({@code /_api/wal/*}, {@code
 * logger-state}). DB-server URLs are discovered over the API ({@code /_admin/cluster/health}), as
 * dc2dc itself does; only the credentials come from here.
 */
interface ConformanceTarget {

    /** Base URL of a coordinator, e.g. {@code http://127.0.0.1:40123}. */
    URI coordinator();

    /** {@code Authorization} header value for coordinator requests, empty when auth is off. */
    Optional<String> coordinatorAuthorization();

    /** {@code Authorization} header value for DB-server requests (a superuser JWT). */
    Optional<String> dbServerAuthorization();
}
