package io.dc2dc.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single Jetty handler of the emulator: finds the node a connector belongs to, applies fault
 * injection, parses the request into an {@link ApiRequest}, lets the node answer and writes the
 * answer with ArangoDB's standard header set. Never lets an exception escape as a stack trace:
 * unexpected failures become ArangoDB's 500/4 envelope.
 *
 * <p>Runs on Jetty's worker threads; request bodies are read blocking, which Jetty allows for
 * handlers of the default (blocking) invocation type.
 */
public final class EmulatorHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);
    private static final String CACHE_CONTROL =
            "no-cache, no-store, must-revalidate, pre-check=0, post-check=0, max-age=0, s-maxage=0";
    private static final String CSP = "frame-ancestors 'self'; form-action 'self';";
    private static final String STS = "max-age=31536000 ; includeSubDomains";

    private final Function<Connector, Node> nodes;
    private final RequestGate gate;

    public EmulatorHandler(Function<Connector, Node> nodes, RequestGate gate) {
        this.nodes = nodes;
        this.gate = gate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Node node = nodes.apply(request.getConnectionMetaData().getConnector());
        if (node == null || !node.serving()) {
            drop(request, callback);
            return true;
        }
        // the fault endpoint itself is exempt, so injected failures can always be switched off
        String rawPath = request.getHttpURI().getPath();
        RequestGate.Action action =
                rawPath != null && rawPath.startsWith("/_emulator/")
                        ? RequestGate.Action.PROCEED
                        : gate.before(node.role());
        if (action == RequestGate.Action.DROP_CONNECTION) {
            drop(request, callback);
            return true;
        }
        ApiResponse out;
        boolean head = "HEAD".equals(request.getMethod());
        if (action == RequestGate.Action.FAIL_503) {
            out = ApiResponse.error(new ApiException(ErrorCode.HTTP_SERVICE_UNAVAILABLE));
        } else {
            out = answer(node, request);
        }
        // a client asking to close gets Jetty's "Connection: close" instead of keep-alive
        boolean keepAlive = !request.getHeaders().contains(HttpHeader.CONNECTION, "close");
        write(response, out, head, keepAlive, callback);
        return true;
    }

    private ApiResponse answer(Node node, Request request) {
        try {
            return node.dispatch(parse(request));
        } catch (ApiException e) {
            return ApiResponse.error(e);
        } catch (RuntimeException | IOException | Error e) {
            LOG.warn(
                    "unexpected failure answering {} {}",
                    request.getMethod(),
                    request.getHttpURI(),
                    e);
            return ApiResponse.error(new ApiException(ErrorCode.INTERNAL, "internal error: " + e));
        }
    }

    static ApiRequest parse(Request request) throws IOException {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null) {
            rawPath = "/";
        }
        List<String> segs = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segs.add(decode(s));
            }
        }
        String db = "_system";
        if (segs.size() >= 2 && segs.get(0).equals("_db")) {
            db = segs.get(1);
            segs = new ArrayList<>(segs.subList(2, segs.size()));
        }
        String path = "/" + String.join("/", segs);
        Map<String, String> query = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        for (Fields.Field f : fields) {
            query.put(f.getName(), f.getValue());
        }
        Map<String, String> headers = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.putIfAbsent(f.getLowerCaseName(), f.getValue());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        return new ApiRequest(request.getMethod(), path, db, segs, query, headers, body);
    }

    /** Percent-decoding of one path segment ('+' stays '+', as in URL paths). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) + lo);
                    i += 2;
                    continue;
                }
            }
            out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(
            Response response, ApiResponse out, boolean head, boolean keepAlive, Callback cb) {
        response.setStatus(out.status());
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, out.contentType());
        h.put("cache-control", CACHE_CONTROL);
        // a header without HttpHeader identity: Jetty would otherwise drop "keep-alive" as
        // implied by HTTP/1.1, while arangod always sends it
        if (keepAlive) {
            h.add(new HttpField((HttpHeader) null, "connection", "Keep-Alive"));
        }
        h.put("content-security-policy", CSP);
        h.put("expires", "0");
        h.put("pragma", "no-cache");
        h.put("server", "ArangoDB");
        h.put("strict-transport-security", STS);
        h.put("x-arango-queue-time-seconds", "0.000000");
        h.put("x-content-type-options", "nosniff");
        for (String[] extra : out.headers()) {
            h.add(extra[0], extra[1]);
        }
        byte[] body = out.body();
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        if (head || body.length == 0) {
            response.write(true, null, cb);
        } else {
            response.write(true, ByteBuffer.wrap(body), cb);
        }
    }

    private static void drop(Request request, Callback callback) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new EofException("connection dropped by the emulator"));
    }
}
