package io.dc2dc.arango.error;

import java.io.IOException;

/**
 * A failed call to an ArangoDB cluster, with everything an operator needs to act on it: which
 * cluster and endpoint, which request, the HTTP status and ArangoDB {@code errorNum} and message,
 * what the request was about ({@link ErrorContext}), whether retrying can help ({@link
 * #isTransient()}) and, for authentication and TLS failures, what to check.
 *
 * <p>Example message:
 *
 * <pre>[source] POST http://10.0.0.7:8529/_db/shop/_api/document/orders: HTTP 404, errorNum 1203
 * "collection or view not found: orders" (database=shop, collection=orders), fatal</pre>
 *
 * <p>Messages never contain passwords, tokens or secrets: the request line carries none, and server
 * messages are taken verbatim from ArangoDB's error envelope.
 */
public final class ArangoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String cluster;
    private final String endpoint;
    private final String method;
    private final String path;
    private final int httpStatus;
    private final int errorNum;
    private final String serverMessage;
    private final ErrorContext context;
    private final boolean transientError;

    private ArangoException(
            String cluster,
            String endpoint,
            String method,
            String path,
            int httpStatus,
            int errorNum,
            String serverMessage,
            ErrorContext context,
            boolean transientError,
            String hint,
            Throwable cause) {
        super(
                format(
                        cluster,
                        endpoint,
                        method,
                        path,
                        httpStatus,
                        errorNum,
                        serverMessage,
                        context,
                        transientError,
                        hint),
                cause);
        this.cluster = cluster;
        this.endpoint = endpoint;
        this.method = method;
        this.path = path;
        this.httpStatus = httpStatus;
        this.errorNum = errorNum;
        this.serverMessage = serverMessage;
        this.context = context == null ? ErrorContext.NONE : context;
        this.transientError = transientError;
    }

    /**
     * An error response from the server.
     *
     * @param authUsed how the request authenticated ("basic auth as user 'root'", "superuser JWT",
     *     "no credentials"), used only to tell the operator what to check on 401/403
     */
    public static ArangoException response(
            String cluster,
            String endpoint,
            String method,
            String path,
            int httpStatus,
            int errorNum,
            String serverMessage,
            ErrorContext context,
            String authUsed) {
        return new ArangoException(
                cluster,
                endpoint,
                method,
                path,
                httpStatus,
                errorNum,
                serverMessage,
                context,
                ErrorClassifier.isTransient(httpStatus, errorNum),
                ErrorClassifier.hint(cluster, httpStatus, errorNum, authUsed),
                null);
    }

    /** A request that got no (complete) response: connection refused, reset, timed out, ... */
    public static ArangoException io(
            String cluster,
            String endpoint,
            String method,
            String path,
            IOException cause,
            ErrorContext context) {
        return new ArangoException(
                cluster,
                endpoint,
                method,
                path,
                0,
                0,
                cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                context,
                ErrorClassifier.isTransient(cause),
                ErrorClassifier.hint(cluster, cause),
                cause);
    }

    /**
     * A response the client cannot use (missing header, malformed body, unexpected content type).
     * Fatal: the same request would get the same answer.
     */
    public static ArangoException protocol(
            String cluster,
            String endpoint,
            String method,
            String path,
            int httpStatus,
            String problem,
            ErrorContext context,
            Throwable cause) {
        return new ArangoException(
                cluster,
                endpoint,
                method,
                path,
                httpStatus,
                0,
                problem,
                context,
                false,
                null,
                cause);
    }

    /** A problem found before any request was sent (configuration, unknown DB-server, ...). */
    public static ArangoException client(
            String cluster, String problem, ErrorContext context, boolean transientError) {
        return new ArangoException(
                cluster, null, null, null, 0, 0, problem, context, transientError, null, null);
    }

    /** Name of the cluster ("source", "destination"). */
    public String cluster() {
        return cluster;
    }

    /** Base URL of the server that was called, or null if no request was sent. */
    public String endpoint() {
        return endpoint;
    }

    /** HTTP method of the failed request, or null. */
    public String method() {
        return method;
    }

    /** Path and query of the failed request, or null. */
    public String path() {
        return path;
    }

    /** HTTP status, or 0 if there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** ArangoDB {@code errorNum} of the response, or 0 if none. */
    public int errorNum() {
        return errorNum;
    }

    /** The server's {@code errorMessage} (or the I/O or protocol problem), never null. */
    public String serverMessage() {
        return serverMessage == null ? "" : serverMessage;
    }

    /** What the request was about. */
    public ErrorContext context() {
        return context;
    }

    /** True if the same request may succeed later; see {@link ErrorClassifier}. */
    public boolean isTransient() {
        return transientError;
    }

    /** True for HTTP 404 responses. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }

    private static String format(
            String cluster,
            String endpoint,
            String method,
            String path,
            int httpStatus,
            int errorNum,
            String serverMessage,
            ErrorContext context,
            boolean transientError,
            String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(cluster).append("] ");
        if (method != null) {
            sb.append(method).append(' ');
        }
        if (endpoint != null) {
            sb.append(endpoint);
        }
        if (path != null) {
            sb.append(path);
        }
        if (method != null || endpoint != null || path != null) {
            sb.append(": ");
        }
        if (httpStatus > 0) {
            sb.append("HTTP ").append(httpStatus);
            if (errorNum > 0) {
                sb.append(", errorNum ").append(errorNum);
            }
            sb.append(' ');
        }
        sb.append('"').append(serverMessage == null ? "" : serverMessage).append('"');
        if (context != null && !context.isEmpty()) {
            sb.append(" (").append(context).append(')');
        }
        sb.append(transientError ? ", transient" : ", fatal");
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }
}
