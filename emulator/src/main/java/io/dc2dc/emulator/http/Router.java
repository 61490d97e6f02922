package io.dc2dc.emulator.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps (method, path pattern) to handlers for one kind of node. Patterns are slash-separated
 * segments: literals, {@code {name}} (one segment) and a trailing {@code *} (any rest). When
 * several routes match, the one with the most literal segments wins; a path that matches only with
 * another method answers 405, no match at all 404 (both with ArangoDB's error numbers).
 *
 * <p>Routes are registered once at start-up, then the router is only read (thread-safe).
 */
public final class Router {
    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(
            String method, String[] parts, boolean wildcard, int literals, Handler h) {}

    private final List<Route> routes = new ArrayList<>();

    /** Registers a route; {@code method} may be {@code "*"} for any method. */
    public Router route(String method, String pattern, Handler handler) {
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        String[] parts = p.isEmpty() ? new String[0] : p.split("/");
        boolean wildcard = parts.length > 0 && parts[parts.length - 1].equals("*");
        if (wildcard) {
            String[] trimmed = new String[parts.length - 1];
            System.arraycopy(parts, 0, trimmed, 0, trimmed.length);
            parts = trimmed;
        }
        int literals = 0;
        for (String part : parts) {
            if (!part.startsWith("{")) {
                literals++;
            }
        }
        routes.add(new Route(method, parts, wildcard, literals, handler));
        return this;
    }

    public Router get(String pattern, Handler h) {
        return route("GET", pattern, h);
    }

    public Router post(String pattern, Handler h) {
        return route("POST", pattern, h);
    }

    public Router put(String pattern, Handler h) {
        return route("PUT", pattern, h);
    }

    public Router patch(String pattern, Handler h) {
        return route("PATCH", pattern, h);
    }

    public Router delete(String pattern, Handler h) {
        return route("DELETE", pattern, h);
    }

    public ApiResponse dispatch(ApiRequest req) {
        List<String> segs = req.segments();
        Route best = null;
        boolean pathMatched = false;
        String method = req.method().equals("HEAD") ? "GET" : req.method();
        for (Route r : routes) {
            if (!matches(r, segs)) {
                continue;
            }
            pathMatched = true;
            if (!r.method.equals("*") && !r.method.equals(method)) {
                continue;
            }
            if (best == null
                    || r.literals > best.literals
                    || (r.literals == best.literals && !r.wildcard && best.wildcard)) {
                best = r;
            }
        }
        if (best == null) {
            if (pathMatched) {
                throw new ApiException(ErrorCode.HTTP_METHOD_NOT_ALLOWED);
            }
            throw ApiException.notFound(req.path());
        }
        for (int i = 0; i < best.parts.length; i++) {
            String part = best.parts[i];
            if (part.startsWith("{")) {
                req.pathParam(part.substring(1, part.length() - 1), segs.get(i));
            }
        }
        if (best.wildcard) {
            req.pathParam("*", String.join("/", segs.subList(best.parts.length, segs.size())));
        }
        return best.h.handle(req);
    }

    private static boolean matches(Route r, List<String> segs) {
        if (r.wildcard ? segs.size() < r.parts.length : segs.size() != r.parts.length) {
            return false;
        }
        for (int i = 0; i < r.parts.length; i++) {
            String part = r.parts[i];
            if (!part.startsWith("{") && !part.equals(segs.get(i))) {
                return false;
            }
        }
        return true;
    }
}
