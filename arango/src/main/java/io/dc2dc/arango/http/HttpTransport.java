package io.dc2dc.arango.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.auth.Authenticator;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.error.ErrorClassifier;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.arango.wire.MalformedBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@link Call}s for one cluster over a pooled HttpClient 5 (classic, blocking I/O on the
 * caller's thread): picks the coordinator or DB-server URL, adds credentials, turns error responses
 * and transport failures into {@link ArangoException}s, and hands successful bodies to a {@link
 * BodyReader} as a stream. Never retries: that is the caller's decision.
 *
 * <p>Coordinators are used in the configured order: after a connection failure the next call goes
 * to the next one. Thread-safe.
 */
final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Reads a successful response; the body stream is valid only during the call. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    /** A successful (2xx) response. */
    static final class Response {
        private final ClassicHttpResponse raw;

        Response(ClassicHttpResponse raw) {
            this.raw = raw;
        }

        int status() {
            return raw.getCode();
        }

        /** A header value, or null. */
        String header(String name) {
            Header h = raw.getFirstHeader(name);
            return h == null ? null : h.getValue();
        }

        /** The body; empty for bodiless responses. */
        InputStream body() throws IOException {
            HttpEntity entity = raw.getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        /** The body parsed as a JSON tree (small metadata responses only). */
        JsonNode json() throws IOException {
            try (InputStream in = body()) {
                JsonNode node = Json.MAPPER.readTree(in);
                return node == null ? Json.MAPPER.missingNode() : node;
            }
        }
    }

    private final String cluster;
    private final List<String> coordinators;
    private final AtomicInteger current = new AtomicInteger();
    private final Authenticator auth;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final DbServerDirectory dbServers;

    /**
     * @param health where DB-server endpoints come from (a coordinator call through this very
     *     transport, hence a supplier)
     */
    HttpTransport(ClusterSpec spec, Supplier<ClusterHealth> health) {
        this.cluster = spec.name();
        this.coordinators = spec.endpoints();
        this.auth = new Authenticator(spec.username(), spec.password(), spec.jwtSecret());
        Duration timeout = spec.requestTimeout();
        Duration connectTimeout =
                timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
        this.pool =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(TlsContexts.strategy(cluster, spec.tls()))
                        .setMaxConnPerRoute(32)
                        .setMaxConnTotal(256)
                        .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                        .setConnectTimeout(Timeout.of(connectTimeout))
                                        .setSocketTimeout(Timeout.of(timeout))
                                        // a pooled connection idle for a while may have been
                                        // closed by the server; check before reuse
                                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                        .build())
                        .build();
        this.http =
                HttpClients.custom()
                        .setConnectionManager(pool)
                        .setDefaultRequestConfig(
                                RequestConfig.custom()
                                        .setResponseTimeout(Timeout.of(timeout))
                                        .setConnectionRequestTimeout(Timeout.of(timeout))
                                        .build())
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        .evictIdleConnections(TimeValue.ofSeconds(30))
                        .setUserAgent("dc2dc")
                        .build();
        this.dbServers = new DbServerDirectory(cluster, health);
    }

    String cluster() {
        return cluster;
    }

    /** The coordinator URL currently in use. */
    String coordinatorUrl() {
        return coordinators.get(Math.floorMod(current.get(), coordinators.size()));
    }

    boolean hasJwtSecret() {
        return auth.hasJwtSecret();
    }

    /** Executes {@code call} and reads its successful response with {@code reader}. */
    <T> T execute(Call call, BodyReader<T> reader) {
        int coordinatorIndex = Math.floorMod(current.get(), coordinators.size());
        String base =
                call.dbServer() == null
                        ? coordinators.get(coordinatorIndex)
                        : dbServers.url(call.dbServer(), call.context());
        Authenticator.Credential credential;
        try {
            credential = call.dbServer() == null ? auth.coordinator() : auth.dbServer();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ArangoException.client(cluster, e.getMessage(), call.context(), false);
        }
        HttpUriRequestBase request =
                new HttpUriRequestBase(call.method(), URI.create(base + call.path()));
        if (credential.header() != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, credential.header());
        }
        request.setHeader(HttpHeaders.ACCEPT, call.accept());
        if (call.body() != null) {
            request.setEntity(call.body());
        }
        long started = System.nanoTime();
        try {
            T result =
                    http.execute(
                            request,
                            response -> {
                                int status = response.getCode();
                                if (status >= 300) {
                                    throw errorResponse(call, base, credential, response);
                                }
                                return reader.read(new Response(response));
                            });
            if (LOG.isTraceEnabled()) {
                LOG.trace(
                        "[{}] {} {}{} done in {} ms",
                        cluster,
                        call.method(),
                        base,
                        call.path(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return result;
        } catch (MalformedBodyException e) {
            throw ArangoException.protocol(
                    cluster,
                    base,
                    call.method(),
                    call.path(),
                    0,
                    e.getMessage(),
                    call.context(),
                    e);
        } catch (IOException e) {
            if (ErrorClassifier.isTransient(e)) {
                onUnreachable(call, coordinatorIndex, base, e);
            }
            throw ArangoException.io(cluster, base, call.method(), call.path(), e, call.context());
        }
    }

    private void onUnreachable(Call call, int coordinatorIndex, String base, IOException e) {
        if (call.dbServer() != null) {
            dbServers.invalidate(call.dbServer());
        } else if (coordinators.size() > 1
                && current.compareAndSet(coordinatorIndex, coordinatorIndex + 1)) {
            LOG.info(
                    "[{}] coordinator {} failed ({}); switching to {}",
                    cluster,
                    base,
                    e.getClass().getSimpleName(),
                    coordinatorUrl());
        }
    }

    private ArangoException errorResponse(
            Call call,
            String base,
            Authenticator.Credential credential,
            ClassicHttpResponse response)
            throws IOException {
        int errorNum = 0;
        String message = response.getReasonPhrase();
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            byte[] bytes;
            try (InputStream in = entity.getContent()) {
                bytes = in.readNBytes(MAX_ERROR_BODY);
            }
            try {
                JsonNode envelope = Json.MAPPER.readTree(bytes);
                if (envelope != null && envelope.isObject()) {
                    errorNum = envelope.path("errorNum").asInt(0);
                    if (envelope.hasNonNull("errorMessage")) {
                        message = envelope.get("errorMessage").asText();
                    }
                }
            } catch (IOException notJson) {
                // a proxy's HTML page or plain text: quote the beginning
                String text = new String(bytes, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    message = text.length() > 300 ? text.substring(0, 300) + "..." : text;
                }
            }
        }
        return ArangoException.response(
                cluster,
                base,
                call.method(),
                call.path(),
                response.getCode(),
                errorNum,
                message,
                call.context(),
                credential.description());
    }

    /**
     * Closes every connection at once: a call blocked in a socket read on another thread (a fetcher
     * thread during task cancellation) fails instead of hanging until its timeout.
     */
    @Override
    public void close() {
        pool.close(CloseMode.IMMEDIATE);
        http.close(CloseMode.IMMEDIATE);
    }
}
