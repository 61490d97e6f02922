package io.dc2dc.emulator;

/** How an injected request failure shows up at the client. */
public enum FailMode {
    /** ArangoDB's 503 "service unavailable" error envelope. */
    HTTP_503,
    /** The connection is closed without any answer. */
    DROP_CONNECTION
}
