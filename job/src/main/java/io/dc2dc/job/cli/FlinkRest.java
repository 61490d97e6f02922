package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link FlinkApi} over HTTP (JDK client) to a JobManager's REST endpoint. Metric values are
 * fetched in several requests when needed: Flink's REST server rejects request lines longer than
 * 4096 bytes (answering {@code 404 "Unable to load requested file /bad-request."}), which 65 shard
 * metric ids already exceed.
 */
final class FlinkRest implements FlinkApi {

    /** Longest {@code ?get=} list per request; leaves room for the path under Flink's 4096. */
    static final int MAX_GET_CHARS = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    // running a jar executes the job's main() in the JobManager, which checks both clusters
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private final String baseUrl;
    private final HttpClient http;

    FlinkRest(String baseUrl) {
        String u = baseUrl.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = new URI(u);
            if (uri.getHost() == null || !u.matches("https?://.*")) {
                throw new java.net.URISyntaxException(u, "not http(s)://host:port");
            }
        } catch (java.net.URISyntaxException e) {
            throw CliException.usage("--flink '" + baseUrl + "' is no URL like http://host:8081");
        }
        this.baseUrl = u;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public List<JobSummary> jobs() {
        List<JobSummary> out = new ArrayList<>();
        for (JsonNode j : get("/jobs/overview").path("jobs")) {
            out.add(
                    new JobSummary(
                            j.path("jid").asText(),
                            j.path("name").asText(),
                            j.path("state").asText(),
                            j.path("start-time").asLong()));
        }
        return out;
    }

    @Override
    public JobDetails job(String jobId) {
        return parseJob(get("/jobs/" + jobId));
    }

    /** A {@code GET /jobs/<id>} answer. */
    static JobDetails parseJob(JsonNode j) {
        List<Vertex> vertices = new ArrayList<>();
        for (JsonNode v : j.path("vertices")) {
            vertices.add(
                    new Vertex(
                            v.path("id").asText(),
                            v.path("name").asText(),
                            v.path("parallelism").asInt(),
                            v.path("status").asText()));
        }
        return new JobDetails(
                j.path("jid").asText(),
                j.path("name").asText(),
                j.path("state").asText(),
                j.path("start-time").asLong(),
                vertices);
    }

    @Override
    public Map<String, String> userConfig(String jobId) {
        Map<String, String> out = new LinkedHashMap<>();
        get("/jobs/" + jobId + "/config")
                .path("execution-config")
                .path("user-config")
                .properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Override
    public Map<String, String> clusterConfig() {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode e : get("/jobmanager/config")) {
            out.put(e.path("key").asText(), e.path("value").asText());
        }
        return out;
    }

    @Override
    public List<String> vertexMetricIds(String jobId, String vertexId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : get("/jobs/" + jobId + "/vertices/" + vertexId + "/metrics")) {
            ids.add(m.path("id").asText());
        }
        return ids;
    }

    @Override
    public Map<String, String> vertexMetrics(
            String jobId, String vertexId, Collection<String> ids) {
        return metricValues("/jobs/" + jobId + "/vertices/" + vertexId + "/metrics", ids);
    }

    @Override
    public Map<String, String> jobMetrics(String jobId, Collection<String> ids) {
        return metricValues("/jobs/" + jobId + "/metrics", ids);
    }

    private Map<String, String> metricValues(String path, Collection<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String chunk : chunks(ids, MAX_GET_CHARS)) {
            out.putAll(parseMetricValues(get(path + "?get=" + chunk)));
        }
        return out;
    }

    /** A {@code ...metrics?get=a,b} answer: {@code [{"id": "a", "value": "1"}, ...]}. */
    static Map<String, String> parseMetricValues(JsonNode answer) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode m : answer) {
            out.put(m.path("id").asText(), m.path("value").asText());
        }
        return out;
    }

    /** Comma-joined, URL-encoded id lists, each at most {@code max} characters. */
    static List<String> chunks(Collection<String> ids, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String id : ids) {
            String enc = URLEncoder.encode(id, StandardCharsets.UTF_8);
            if (current.length() > 0 && current.length() + 1 + enc.length() > max) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(',');
            }
            current.append(enc);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    @Override
    public String uploadJar(Path jar) {
        String boundary = "dc2dc-" + UUID.randomUUID();
        byte[] body;
        try {
            body =
                    multipart(
                            boundary,
                            "jarfile",
                            jar.getFileName().toString(),
                            Files.readAllBytes(jar));
        } catch (IOException e) {
            throw CliException.usage("cannot read the job jar " + jar + ": " + e.getMessage());
        }
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
                        .timeout(RUN_TIMEOUT)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        String filename = call(req).path("filename").asText();
        // the jar id is the last path element of the stored file
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** A multipart/form-data body with one file field (what {@code /jars/upload} expects). */
    static byte[] multipart(String boundary, String field, String filename, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + field
                        + "\"; filename=\""
                        + filename
                        + "\"\r\nContent-Type: application/java-archive\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Override
    public String runJar(String jarId, RunRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("entryClass", r.entryClass());
        body.set("programArgsList", JSON.valueToTree(r.programArgs()));
        if (r.parallelism() != null) {
            body.put("parallelism", r.parallelism());
        }
        if (r.savepointPath() != null) {
            body.put("savepointPath", r.savepointPath());
            body.put("allowNonRestoredState", r.allowNonRestoredState());
        }
        if (r.flinkConfiguration() != null && !r.flinkConfiguration().isEmpty()) {
            body.set("flinkConfiguration", JSON.valueToTree(r.flinkConfiguration()));
        }
        JsonNode answer = send("POST", "/jars/" + jarId + "/run", body, RUN_TIMEOUT);
        return answer.path("jobid").asText();
    }

    @Override
    public void deleteJar(String jarId) {
        send("DELETE", "/jars/" + jarId, null, CALL_TIMEOUT);
    }

    @Override
    public String stopWithSavepoint(String jobId, String targetDirectory) {
        ObjectNode body = JSON.createObjectNode().put("drain", false);
        if (targetDirectory != null) {
            body.put("targetDirectory", targetDirectory);
        }
        return send("POST", "/jobs/" + jobId + "/stop", body, CALL_TIMEOUT)
                .path("request-id")
                .asText();
    }

    @Override
    public SavepointStatus savepointStatus(String jobId, String requestId) {
        JsonNode s = get("/jobs/" + jobId + "/savepoints/" + requestId);
        if (!"COMPLETED".equals(s.path("status").path("id").asText())) {
            return new SavepointStatus(false, null, null);
        }
        JsonNode op = s.path("operation");
        if (op.hasNonNull("failure-cause")) {
            return new SavepointStatus(
                    true, null, FlinkErrors.failureCause(op.path("failure-cause")));
        }
        return new SavepointStatus(true, op.path("location").asText(), null);
    }

    @Override
    public void cancel(String jobId) {
        send("PATCH", "/jobs/" + jobId + "?mode=cancel", null, CALL_TIMEOUT);
    }

    @Override
    public Optional<String> latestCheckpoint(String jobId) {
        JsonNode c = get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
        if (c.isMissingNode() || c.isNull() || c.path("discarded").asBoolean(false)) {
            return Optional.empty();
        }
        String path = c.path("external_path").asText("");
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    @Override
    public Optional<String> lastException(String jobId) {
        JsonNode entries = get("/jobs/" + jobId + "/exceptions").path("exceptionHistory");
        JsonNode first = entries.path("entries").path(0);
        if (first.isMissingNode()) {
            return Optional.empty();
        }
        String trace = first.path("stacktrace").asText("");
        String line = FlinkErrors.lastCause(trace);
        return Optional.of(line.isEmpty() ? first.path("exceptionName").asText() : line);
    }

    private JsonNode get(String path) {
        return send("GET", path, null, CALL_TIMEOUT);
    }

    private JsonNode send(String method, String path, JsonNode body, Duration timeout) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(timeout)
                        .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return call(b.build());
    }

    private JsonNode call(HttpRequest req) {
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw CliException.failed(
                    "cannot reach Flink's REST API at "
                            + baseUrl
                            + " ("
                            + e
                            + "). Is the session cluster running (scripts/flink-cluster status)?"
                            + " Another address: --flink URL or DC2DC_FLINK_URL.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted while calling Flink");
        }
        JsonNode json;
        try {
            json = resp.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(resp.body());
        } catch (IOException e) {
            throw CliException.failed(
                    "Flink answered " + req.method() + " " + req.uri().getPath() + " with no JSON");
        }
        if (resp.statusCode() >= 300) {
            throw CliException.failed(
                    "Flink refused "
                            + req.method()
                            + " "
                            + req.uri().getPath()
                            + " (HTTP "
                            + resp.statusCode()
                            + "): "
                            + FlinkErrors.message(json));
        }
        return json;
    }
}
