package io.dc2dc.emulator.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed HTTP request as the API handlers see it: method, database, path segments after the
 * {@code /_db/<name>} prefix, query parameters, lower-cased headers and the whole body.
 *
 * <p>Path parameters are filled in by the {@link Router} when a route matches. Instances are used
 * by one thread at a time.
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final String database;
    private final List<String> segments;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Map<String, String> pathParams = new HashMap<>(4);
    private Principal principal = Principal.AUTH_OFF;

    public ApiRequest(
            String method,
            String path,
            String database,
            List<String> segments,
            Map<String, String> query,
            Map<String, String> headers,
            byte[] body) {
        this.method = method;
        this.path = path;
        this.database = database;
        this.segments = segments;
        this.query = query;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    public String method() {
        return method;
    }

    /** The request path after the database prefix, as sent (for error messages). */
    public String path() {
        return path;
    }

    public String database() {
        return database;
    }

    public List<String> segments() {
        return segments;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public Principal principal() {
        return principal;
    }

    public void principal(Principal p) {
        this.principal = p;
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    void pathParam(String name, String value) {
        pathParams.put(name, value);
    }

    public String param(String name) {
        return query.get(name);
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** ArangoDB's boolean parsing: "true", "yes", "on", "y" and "1" are true. */
    public boolean boolParam(String name, boolean dflt) {
        String v = query.get(name);
        if (v == null) {
            return dflt;
        }
        if (v.isEmpty()) {
            return true;
        }
        return switch (v.toLowerCase()) {
            case "true", "yes", "on", "y", "1" -> true;
            default -> false;
        };
    }

    public long longParam(String name, long dflt) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseUnsignedLong(v.trim());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(v.trim());
            } catch (NumberFormatException e2) {
                return dflt;
            }
        }
    }

    public boolean isRead() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** A copy for in-process forwarding to a DB-server, without the given query parameter. */
    public ApiRequest forwardWithout(String param) {
        Map<String, String> q = new HashMap<>(query);
        q.remove(param);
        q.remove(param.toLowerCase());
        ApiRequest copy = new ApiRequest(method, path, database, segments, q, headers, body);
        copy.principal = Principal.SUPERUSER;
        return copy;
    }
}
