package io.dc2dc.emulator.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends requests over real HTTP/1.1 (the JDK client) and returns every response header, so that
 * header sets can be compared. Thread-safe; one instance per test class.
 */
final class ReplayHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade headers in requests
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    /**
     * @param base scheme, host and port of the server
     * @param request method, target, headers and body to send verbatim
     * @param authorization {@code Authorization} header value to add, if any
     */
    ActualResponse send(URI base, RecordedRequest request, Optional<String> authorization) {
        HttpRequest.BodyPublisher body =
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(
                                request.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(
                                URI.create(base.toString().replaceAll("/$", "") + request.target()))
                        .timeout(TIMEOUT)
                        .method(request.method(), body);
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        authorization.ifPresent(a -> builder.header("Authorization", a));
        try {
            HttpResponse<String> response =
                    client.send(
                            builder.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<HeaderField> headers = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
                if (e.getKey().startsWith(":")) {
                    continue; // HTTP/2 pseudo headers, never sent over HTTP/1.1
                }
                e.getValue().forEach(v -> headers.add(new HeaderField(e.getKey(), v)));
            }
            return new ActualResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request + " to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request, e);
        }
    }
}
