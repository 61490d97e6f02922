package io.dc2dc.arango.http;

import io.dc2dc.arango.wire.MalformedBodyException;

/** The {@code x-arango-replication-*} response headers of dump and tail calls. */
final class ReplicationHeaders {

    static final String CHECK_MORE = "x-arango-replication-checkmore";
    static final String LAST_INCLUDED = "x-arango-replication-lastincluded";
    static final String LAST_SCANNED = "x-arango-replication-lastscanned";
    static final String LAST_TICK = "x-arango-replication-lasttick";
    static final String FROM_PRESENT = "x-arango-replication-frompresent";

    private ReplicationHeaders() {}

    /** A boolean header that must be present. */
    static boolean requiredBoolean(HttpTransport.Response r, String name)
            throws MalformedBodyException {
        String v = r.header(name);
        if (v == null) {
            throw new MalformedBodyException("response lacks the " + name + " header");
        }
        return Boolean.parseBoolean(v.trim());
    }

    /** A numeric header; {@code missing} if absent. */
    static long number(HttpTransport.Response r, String name, long missing)
            throws MalformedBodyException {
        String v = r.header(name);
        if (v == null) {
            return missing;
        }
        try {
            return Long.parseUnsignedLong(v.trim());
        } catch (NumberFormatException e) {
            throw new MalformedBodyException("header " + name + " is not a number: " + v);
        }
    }

    /** A numeric header that must be present. */
    static long requiredNumber(HttpTransport.Response r, String name)
            throws MalformedBodyException {
        if (r.header(name) == null) {
            throw new MalformedBodyException("response lacks the " + name + " header");
        }
        return number(r, name, 0);
    }

    /** Checks that a non-empty body is a marker stream, as arangodump does. */
    static void requireDumpContentType(HttpTransport.Response r) throws MalformedBodyException {
        String type = r.header("content-type");
        if (r.status() == 200 && (type == null || !type.startsWith(Call.DUMP))) {
            throw new MalformedBodyException(
                    "expected content type " + Call.DUMP + ", got " + type);
        }
    }
}
