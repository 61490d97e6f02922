package io.dc2dc.arango.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP server on a free local port for client tests: answers each "METHOD path" (path
 * without query) with a canned reply and records every request. Not an ArangoDB emulation — the
 * emulator module is that; this checks what the client sends and how it reads replies.
 */
final class StubServer implements AutoCloseable {

    /** A canned reply. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply json(int status, String body) {
            return new Reply(
                    status,
                    Map.of("content-type", "application/json"),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request as received. */
    record Request(
            String method, String path, String query, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Produces the reply for a request (may throw to drop the connection). */
    @FunctionalInterface
    interface Handler {
        Reply handle(Request request) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    StubServer on(String method, String path, Handler handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    StubServer on(String method, String path, Reply reply) {
        return on(method, path, r -> reply);
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request req =
                    new Request(
                            ex.getRequestMethod(),
                            ex.getRequestURI().getRawPath(),
                            ex.getRequestURI().getRawQuery(),
                            headers,
                            body);
            requests.add(req);
            Handler h = routes.get(req.method() + " " + req.path());
            Reply reply =
                    h == null
                            ? Reply.json(
                                    404,
                                    "{\"code\":404,\"error\":true,\"errorMessage\":\"unknown path\","
                                            + "\"errorNum\":404}")
                            : h.handle(req);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (reply.body().length == 0) {
                ex.sendResponseHeaders(reply.status(), -1);
            } else {
                ex.sendResponseHeaders(reply.status(), reply.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
