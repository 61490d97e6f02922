package io.dc2dc.emulator.http;

/**
 * Consulted before every request to inject latency and failures (see {@code Faults}). May block the
 * calling Jetty thread for the configured latency.
 */
public interface RequestGate {
    /** What to do with a request. */
    enum Action {
        PROCEED,
        FAIL_503,
        DROP_CONNECTION
    }

    Action before(ServerRole role);

    RequestGate OPEN = role -> Action.PROCEED;
}
