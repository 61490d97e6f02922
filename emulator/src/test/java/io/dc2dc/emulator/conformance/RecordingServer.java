package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A stand-in server for testing the replay machinery without the emulator: answers the i-th request
 * with the transcript's response for it, compacted as the real server sends it (JSON on one line,
 * marker streams one record per line). Records what it received. Binds a free port; close it after
 * use.
 */
final class RecordingServer implements AutoCloseable {

    private final HttpServer server;
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    /**
     * @param answers the response to send for each request, in order
     * @param body maps the compact recorded body before sending (to inject differences)
     */
    RecordingServer(List<RecordedResponse> answers, UnaryOperator<String> body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        int n = received.size();
                        received.add(read(exchange));
                        answer(exchange, answers.get(Math.min(n, answers.size() - 1)), body);
                    }
                });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RecordedRequest read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<HeaderField> headers =
                    exchange.getRequestHeaders().entrySet().stream()
                            .flatMap(
                                    e ->
                                            e.getValue().stream()
                                                    .map(v -> new HeaderField(e.getKey(), v)))
                            .toList();
            return new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    headers,
                    body.isEmpty() ? null : body);
        }
    }

    private static void answer(
            HttpExchange exchange, RecordedResponse r, UnaryOperator<String> body)
            throws IOException {
        StringBuilder compact = new StringBuilder();
        for (JsonNode record : r.records()) {
            compact.append(record.toString());
            if (r.isMarkerStream()) {
                compact.append('\n');
            }
        }
        byte[] bytes = body.apply(compact.toString()).getBytes(StandardCharsets.UTF_8);
        r.headers().stream()
                .filter(h -> !h.name().equals("content-length"))
                .forEach(h -> exchange.getResponseHeaders().add(h.name(), h.value()));
        boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(r.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
