package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dc2dc.emulator.http.PortReservation;
import io.dc2dc.emulator.junit.TestPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlinkRest} over real HTTP against a server that answers with recorded Flink responses and,
 * like Flink's REST server, rejects request lines longer than 4096 bytes.
 */
class FlinkRestITCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server saw it. */
    record Seen(String method, String uri, String contentType, byte[] body) {}

    private HttpServer server;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Seen, Answer>> routes = new LinkedHashMap<>();
    private FlinkRest flink;

    record Answer(int status, String body) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        flink = new FlinkRest("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String uri = ex.getRequestURI().toString();
        Seen s =
                new Seen(
                        ex.getRequestMethod(),
                        uri,
                        ex.getRequestHeaders().getFirst("Content-Type"),
                        ex.getRequestBody().readAllBytes());
        seen.add(s);
        Answer a;
        if ((s.method() + " " + uri + " HTTP/1.1").length() > 4096) {
            // what Flink's netty pipeline answers to an oversized request line
            a = new Answer(404, "{\"errors\":[\"Unable to load requested file /bad-request.\"]}");
        } else {
            String key = s.method() + " " + ex.getRequestURI().getPath();
            Function<Seen, Answer> route = routes.get(key);
            a =
                    route == null
                            ? new Answer(404, "{\"errors\":[\"Not found: " + key + "\"]}")
                            : route.apply(s);
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(a.status(), body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private void route(String methodAndPath, int status, String body) {
        routes.put(methodAndPath, s -> new Answer(status, body));
    }

    @Test
    void metricValuesOfManyShardsAreFetchedInRequestsFlinkAccepts() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : JSON.readTree(RecordedFlink.METRIC_IDS)) {
            String id = m.path("id").asText();
            if (StatusCollector.MetricId.parse(id) != null) {
                ids.add(id);
            }
        }
        // many shards: the recorded shard ids once per database copy
        java.util.Set<String> many = new java.util.LinkedHashSet<>();
        for (int db = 0; db < 8; db++) {
            for (String id : ids) {
                many.add(id.replace(".database.shop.", ".database.shop" + db + "."));
            }
        }
        String path = "/jobs/j1/vertices/v1/metrics";
        routes.put(
                "GET " + path,
                s -> {
                    String get = s.uri().substring(s.uri().indexOf("get=") + 4);
                    StringBuilder body = new StringBuilder("[");
                    for (String id : get.split(",")) {
                        String decoded = java.net.URLDecoder.decode(id, StandardCharsets.UTF_8);
                        body.append(body.length() > 1 ? "," : "")
                                .append("{\"id\":\"")
                                .append(decoded)
                                .append("\",\"value\":\"1\"}");
                    }
                    return new Answer(200, body.append(']').toString());
                });
        Map<String, String> values = flink.vertexMetrics("j1", "v1", many);
        assertThat(many).hasSize(8 * 63 + 2);
        assertThat(values.keySet()).isEqualTo(many);
        assertThat(seen).hasSizeGreaterThan(1).allMatch(s -> s.uri().length() < 4000);
    }

    @Test
    void jarUploadIsMultipartWithTheJarBytes(@TempDir Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("dc2dc-job.jar"), new byte[] {'P', 'K', 3, 4, 0, 42});
        route("POST /jars/upload", 200, RecordedFlink.UPLOAD);
        String id = flink.uploadJar(jar);
        assertThat(id).isEqualTo("5b423a68-b997-4949-a234-aa86b4bc6f54_dc2dc-job.jar");
        Seen s = seen.get(0);
        assertThat(s.contentType()).startsWith("multipart/form-data; boundary=");
        String body = new String(s.body(), StandardCharsets.ISO_8859_1);
        assertThat(body)
                .contains(
                        "Content-Disposition: form-data; name=\"jarfile\"; filename=\"dc2dc-job.jar\"")
                .contains("PK\u0003\u0004\u0000*");
    }

    @Test
    void runRequestCarriesArgumentsParallelismSavepointAndTags() throws IOException {
        route("POST /jars/jar-1/run", 200, "{\"jobid\":\"e1a1\",\"applicationId\":\"e1a1\"}");
        String jobId =
                flink.runJar(
                        "jar-1",
                        new FlinkApi.RunRequest(
                                "io.dc2dc.job.Dc2dcJob",
                                List.of("--source.endpoints", "http://a:8529"),
                                2,
                                "file:/sp/savepoint-1",
                                Map.of(
                                        "pipeline.global-job-parameters",
                                        "{\"dc2dc.destination\":\"http://b:8529\"}")));
        assertThat(jobId).isEqualTo("e1a1");
        JsonNode body = JSON.readTree(seen.get(0).body());
        assertThat(body.path("entryClass").asText()).isEqualTo("io.dc2dc.job.Dc2dcJob");
        assertThat(body.path("programArgsList").toString())
                .isEqualTo("[\"--source.endpoints\",\"http://a:8529\"]");
        assertThat(body.path("parallelism").asInt()).isEqualTo(2);
        assertThat(body.path("savepointPath").asText()).isEqualTo("file:/sp/savepoint-1");
        assertThat(body.path("allowNonRestoredState").asBoolean(true)).isFalse();
        assertThat(body.path("flinkConfiguration").path("pipeline.global-job-parameters").asText())
                .contains("dc2dc.destination");
    }

    @Test
    void aFailedRunReportsTheInnermostCauseFromTheJobsMain() {
        route("POST /jars/jar-1/run", 500, RecordedFlink.RUN_ERROR);
        assertThatThrownBy(
                        () ->
                                flink.runJar(
                                        "jar-1",
                                        new FlinkApi.RunRequest("x", List.of(), null, null, null)))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                .hasMessage(
                        "Flink refused POST /jars/jar-1/run (HTTP 500):"
                                + " JobConfig$InvalidConfigException: destination.endpoints is"
                                + " missing: set it to the destination cluster's coordinator"
                                + " URLs, e.g. http://coordinator1:8529.");
    }

    @Test
    void savepointStatusesAndTheRetainedCheckpoint() {
        route("POST /jobs/j1/stop", 202, "{\"request-id\":\"r1\"}");
        route("GET /jobs/j1/savepoints/r1", 200, RecordedFlink.SAVEPOINT_COMPLETED);
        route("GET /jobs/j2/savepoints/r2", 200, RecordedFlink.SAVEPOINT_FAILED);
        route("GET /jobs/j3/savepoints/r3", 200, "{\"status\":{\"id\":\"IN_PROGRESS\"}}");
        route("GET /jobs/j1/checkpoints", 200, RecordedFlink.CHECKPOINTS_AFTER_CANCEL);
        assertThat(flink.stopWithSavepoint("j1", null)).isEqualTo("r1");
        assertThat(new String(seen.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"drain\":false}");
        assertThat(flink.savepointStatus("j1", "r1"))
                .isEqualTo(
                        new FlinkApi.SavepointStatus(
                                true,
                                "file:/tmp/cliw/flink/savepoints/savepoint-e1a1c0-6dba6a1592c1",
                                null));
        FlinkApi.SavepointStatus failed = flink.savepointStatus("j2", "r2");
        assertThat(failed.done()).isTrue();
        assertThat(failed.failure())
                .isEqualTo(
                        "FlinkJobNotFoundException: Could not find Flink job"
                                + " (ca1d514bd4673e4a0d0fac8a96cc6790)");
        assertThat(flink.savepointStatus("j3", "r3").done()).isFalse();
        assertThat(flink.latestCheckpoint("j1"))
                .contains(
                        "file:/tmp/cliw/flink/checkpoints/bd5fb96350f2298f63e660cba16b7c21/chk-36");
    }

    @Test
    void jobsTagsAndCancel() {
        route("GET /jobs/overview", 200, RecordedFlink.JOBS_OVERVIEW);
        route("GET /jobs/e1a1c0f78bebd2cce9b4167cfb09f577/config", 200, RecordedFlink.JOB_CONFIG);
        route("PATCH /jobs/j1", 202, "{}");
        assertThat(flink.jobs())
                .containsExactly(
                        new FlinkApi.JobSummary(
                                "e1a1c0f78bebd2cce9b4167cfb09f577",
                                "dc2dc",
                                "RUNNING",
                                1795766002101L));
        assertThat(flink.userConfig("e1a1c0f78bebd2cce9b4167cfb09f577"))
                .containsEntry("dc2dc.destination", "http://127.0.0.1:25156")
                .containsEntry("dc2dc.source", "http://127.0.0.1:23047");
        flink.cancel("j1");
        assertThat(seen.get(seen.size() - 1).uri()).isEqualTo("/jobs/j1?mode=cancel");
    }

    @Test
    void anUnreachableFlinkIsExitCode3WithAHint() throws IOException {
        try (PortReservation refused = TestPorts.refusing()) {
            int port = refused.port();
            FlinkRest down = new FlinkRest("http://127.0.0.1:" + port);
            assertThatThrownBy(down::jobs)
                    .isInstanceOfSatisfying(
                            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                    .hasMessageContaining(
                            "cannot reach Flink's REST API at http://127.0.0.1:" + port)
                    .hasMessageContaining("scripts/flink-cluster status");
            assertThatThrownBy(() -> new FlinkRest("localhost:8081"))
                    .isInstanceOfSatisfying(
                            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        }
    }
}
