package io.dc2dc.arango.wire;

import java.io.IOException;

/**
 * A response body that does not have the expected shape (bad JSON, missing fields, truncated
 * records, item counts that do not match the request). The client reports it as a fatal protocol
 * error: asking again would get the same answer.
 */
public final class MalformedBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message) {
        super(message);
    }
}
