package io.dc2dc.arango.error;

/** ArangoDB error numbers ({@code errorNum}) the client and its callers act on. */
public final class ErrorNums {
    public static final int FORBIDDEN = 11;
    public static final int SHUTTING_DOWN = 30;
    public static final int HTTP_BAD_PARAMETER = 400;
    public static final int HTTP_UNAUTHORIZED = 401;
    public static final int HTTP_FORBIDDEN = 403;
    public static final int HTTP_NOT_FOUND = 404;
    public static final int HTTP_CORRUPTED_JSON = 600;

    /** Read-only server or collection; with default settings also a failed write concern. */
    public static final int READ_ONLY = 1004;

    public static final int CONFLICT = 1200;
    public static final int DOCUMENT_NOT_FOUND = 1202;
    public static final int DATA_SOURCE_NOT_FOUND = 1203;
    public static final int DUPLICATE_NAME = 1207;
    public static final int UNIQUE_CONSTRAINT_VIOLATED = 1210;
    public static final int DOCUMENT_KEY_BAD = 1221;
    public static final int DATABASE_NOT_FOUND = 1228;

    /** Write concern not fulfilled (503 on coordinators when so configured). */
    public static final int WRITE_CONCERN_NOT_FULFILLED = 1429;

    public static final int CLUSTER_TIMEOUT = 1457;
    public static final int CLUSTER_CONNECTION_LOST = 1465;
    public static final int CLUSTER_UNSUPPORTED = 1470;
    public static final int CLUSTER_ONLY_ON_COORDINATOR = 1471;
    public static final int CLUSTER_BACKEND_UNAVAILABLE = 1478;
    public static final int CLUSTER_LEADER_RESIGNED = 1491;
    public static final int CLUSTER_NOT_LEADER = 1496;

    /** Unknown or expired batch / cursor. */
    public static final int CURSOR_NOT_FOUND = 1600;

    private ErrorNums() {}
}
