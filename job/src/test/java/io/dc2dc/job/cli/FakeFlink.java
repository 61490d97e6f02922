package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory Flink session cluster behind {@link FlinkApi}: jobs with states, stop with savepoint
 * (in progress for a few polls, then a real directory under {@code dir}), cancellation with a
 * retained checkpoint, and per-job metric values supplied by the test. Records every run request
 * and upload. Single-threaded use only.
 */
final class FakeFlink implements FlinkApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A job of the fake cluster; tests change its fields directly. */
    static final class Job {
        final String id;
        String name = "dc2dc";
        String state = "RUNNING";
        Map<String, String> userConfig = new LinkedHashMap<>();
        int parallelism = 1;
        Function<Job, Map<String, String>> metrics = j -> Map.of();
        String exception;
        RunRequest request;

        Job(String id) {
            this.id = id;
        }
    }

    final Map<String, Job> jobs = new LinkedHashMap<>();
    final List<RunRequest> runs = new ArrayList<>();
    final List<String> uploads = new ArrayList<>();
    final List<String> deletedJars = new ArrayList<>();
    final Map<String, String> clusterConfig =
            new LinkedHashMap<>(Map.of("parallelism.default", "2"));

    /** Polls of a savepoint that answer "in progress" before it completes. */
    int savepointPollsInProgress = 2;

    /** Set to make the next savepoint fail (Flink then keeps the job running). */
    String savepointFailure;

    /** Called when a stop is requested, e.g. to look at the clusters at that moment. */
    Runnable onStop = () -> {};

    private final Path dir;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, AtomicInteger> savepointPolls = new LinkedHashMap<>();

    FakeFlink(Path dir) {
        this.dir = dir;
    }

    /** Adds a running job, like one started elsewhere. */
    Job addJob(String source, String destination) {
        Job job = new Job(String.format("%032x", ids.incrementAndGet()));
        if (destination != null) {
            job.userConfig.put(JobLocator.SOURCE_TAG, source);
            job.userConfig.put(JobLocator.DESTINATION_TAG, destination);
        }
        jobs.put(job.id, job);
        return job;
    }

    @Override
    public String baseUrl() {
        return "http://flink.test:8081";
    }

    @Override
    public List<JobSummary> jobs() {
        return jobs.values().stream().map(j -> new JobSummary(j.id, j.name, j.state, 1L)).toList();
    }

    @Override
    public JobDetails job(String jobId) {
        Job j = find(jobId);
        return new JobDetails(
                j.id,
                j.name,
                j.state,
                1L,
                List.of(
                        new Vertex("v-source", "Source: source cluster", j.parallelism, j.state),
                        new Vertex(
                                "v-sink",
                                "ordering -> destination cluster: Writer",
                                j.parallelism,
                                j.state)));
    }

    @Override
    public Map<String, String> userConfig(String jobId) {
        return find(jobId).userConfig;
    }

    @Override
    public Map<String, String> clusterConfig() {
        return clusterConfig;
    }

    @Override
    public List<String> vertexMetricIds(String jobId, String vertexId) {
        return vertexId.equals("v-source")
                ? new ArrayList<>(find(jobId).metrics.apply(find(jobId)).keySet())
                : List.of("0.numRecordsIn");
    }

    @Override
    public Map<String, String> vertexMetrics(
            String jobId, String vertexId, Collection<String> wanted) {
        Map<String, String> out = new LinkedHashMap<>();
        find(jobId)
                .metrics
                .apply(find(jobId))
                .forEach(
                        (k, v) -> {
                            if (wanted.contains(k)) {
                                out.put(k, v);
                            }
                        });
        return out;
    }

    @Override
    public Map<String, String> jobMetrics(String jobId, Collection<String> wanted) {
        return Map.of("numRestarts", "0");
    }

    @Override
    public String uploadJar(Path jar) {
        uploads.add(jar.toString());
        return "jar-" + uploads.size() + "_" + jar.getFileName();
    }

    @Override
    public String runJar(String jarId, RunRequest request) {
        runs.add(request);
        Job job = new Job(String.format("%032x", ids.incrementAndGet()));
        job.request = request;
        job.parallelism = request.parallelism();
        String tags = request.flinkConfiguration().get("pipeline.global-job-parameters");
        if (tags != null) {
            try {
                JsonNode t = JSON.readTree(tags);
                t.properties().forEach(e -> job.userConfig.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jobs.put(job.id, job);
        return job.id;
    }

    @Override
    public void deleteJar(String jarId) {
        deletedJars.add(jarId);
    }

    @Override
    public String stopWithSavepoint(String jobId, String targetDirectory) {
        find(jobId);
        onStop.run();
        String request = "req-" + jobId;
        savepointPolls.put(request, new AtomicInteger());
        return request;
    }

    @Override
    public SavepointStatus savepointStatus(String jobId, String requestId) {
        if (savepointPolls.get(requestId).getAndIncrement() < savepointPollsInProgress) {
            return new SavepointStatus(false, null, null);
        }
        if (savepointFailure != null) {
            return new SavepointStatus(true, null, savepointFailure);
        }
        Path savepoint = dir.resolve("savepoint-" + jobId.substring(26));
        try {
            Files.createDirectories(savepoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        find(jobId).state = "FINISHED";
        return new SavepointStatus(true, "file:" + savepoint, null);
    }

    @Override
    public void cancel(String jobId) {
        find(jobId).state = "CANCELED";
    }

    @Override
    public Optional<String> latestCheckpoint(String jobId) {
        Path chk = dir.resolve("checkpoints").resolve(jobId).resolve("chk-7");
        try {
            Files.createDirectories(chk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of("file:" + chk);
    }

    @Override
    public Optional<String> lastException(String jobId) {
        return Optional.ofNullable(find(jobId).exception);
    }

    private Job find(String jobId) {
        Job j = jobs.get(jobId);
        if (j == null) {
            throw CliException.failed("Flink refused GET /jobs/" + jobId + " (HTTP 404)");
        }
        return j;
    }

    /** Per-shard gauges for {@link Job#metrics}: every shard tailing, caught up at {@code upTo}. */
    static Map<String, String> tailing(long upTo, String... shards) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String shard : shards) {
            String p =
                    "0.Source__source_cluster.database.shop.collection.orders.shard." + shard + ".";
            m.put(p + "phase", "1");
            m.put(p + "lagSeconds", "0.2");
            m.put(p + "lagTicks", "0");
            m.put(p + "documentsCopied", "10");
            m.put(p + "bytesCopied", "1000");
            m.put(p + "snapshotProgressPercent", "100.0");
            m.put(p + "resyncs", "0");
        }
        m.put("0.Source__source_cluster.replicatedUpTo", Long.toString(upTo));
        return m;
    }
}
