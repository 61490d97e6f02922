package io.dc2dc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small blocking HTTP/JSON client for the emulator's tests (java.net.http). */
public final class Http {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final String base;
    private final String authorization;

    public Http(String base) {
        this(base, null);
    }

    public Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public Http withAuth(String authorization) {
        return new Http(base, authorization);
    }

    public static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One answer: status, headers and body. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Marker-stream bodies (dump, tail): one JSON object per line. */
        public List<JsonNode> lines() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        out.add(MAPPER.readTree(line));
                    } catch (IOException e) {
                        throw new AssertionError("bad line: " + line, e);
                    }
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, new String[0]);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body, new String[0]);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body, new String[0]);
    }

    public Answer patch(String path, Object body) {
        return send("PATCH", path, body, new String[0]);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, new String[0]);
    }

    /** Sends a request; {@code body} is a JSON string, a Jackson tree or any POJO. */
    public Answer send(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            String text =
                    body == null
                            ? null
                            : body instanceof String s ? s : MAPPER.writeValueAsString(body);
            b.method(
                    method,
                    text == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
