package io.dc2dc.job.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of Flink's REST API that the CLI uses, with typed answers. {@link FlinkRest} talks HTTP
 * to a JobManager; tests use a fake. Every method throws {@link CliException} (exit code 3) when
 * Flink cannot be reached or answers with an error.
 */
interface FlinkApi {

    /** States after which a job never runs again ({@code SUSPENDED} included: no HA here). */
    Collection<String> TERMINAL_STATES = List.of("FINISHED", "CANCELED", "FAILED", "SUSPENDED");

    /** One job of {@code GET /jobs/overview}. */
    record JobSummary(String id, String name, String state, long startTime) {
        boolean active() {
            return !TERMINAL_STATES.contains(state);
        }
    }

    /** One vertex (chain of operators) of a job; {@code status} as in {@code GET /jobs/<id>}. */
    record Vertex(String id, String name, int parallelism, String status) {}

    /** {@code GET /jobs/<id>}. */
    record JobDetails(String id, String name, String state, long startTime, List<Vertex> vertices) {
        boolean active() {
            return !TERMINAL_STATES.contains(state);
        }
    }

    /**
     * The body of {@code POST /jars/<jar>/run}; null fields are left out. {@code
     * allowNonRestoredState} matters only with a savepoint: a reverse job after a switchover
     * restores the ordering state but not the old source's.
     */
    record RunRequest(
            String entryClass,
            List<String> programArgs,
            Integer parallelism,
            String savepointPath,
            Map<String, String> flinkConfiguration,
            boolean allowNonRestoredState) {

        RunRequest(
                String entryClass,
                List<String> programArgs,
                Integer parallelism,
                String savepointPath,
                Map<String, String> flinkConfiguration) {
            this(entryClass, programArgs, parallelism, savepointPath, flinkConfiguration, false);
        }
    }

    /** A savepoint operation: still running, or done with a location or a failure. */
    record SavepointStatus(boolean done, String location, String failure) {}

    /** The base URL of the REST API, e.g. {@code http://localhost:8081}. */
    String baseUrl();

    List<JobSummary> jobs();

    JobDetails job(String jobId);

    /** The job's global job parameters ({@code execution-config.user-config}). */
    Map<String, String> userConfig(String jobId);

    /** The JobManager's configuration ({@code GET /jobmanager/config}). */
    Map<String, String> clusterConfig();

    /** The metric ids a vertex has, e.g. {@code 0.Source__source_cluster.replicatedUpTo}. */
    List<String> vertexMetricIds(String jobId, String vertexId);

    /** Values of the given vertex metrics (as Flink reports them: strings). */
    Map<String, String> vertexMetrics(String jobId, String vertexId, Collection<String> ids);

    /** Values of job-level metrics such as {@code numRestarts}. */
    Map<String, String> jobMetrics(String jobId, Collection<String> ids);

    /** Uploads a jar ({@code POST /jars/upload}); returns its jar id. */
    String uploadJar(Path jar);

    /** Runs an uploaded jar detached; returns the job id. */
    String runJar(String jarId, RunRequest request);

    void deleteJar(String jarId);

    /** {@code POST /jobs/<id>/stop}: stop with a savepoint; returns the request id to poll. */
    String stopWithSavepoint(String jobId, String targetDirectory);

    SavepointStatus savepointStatus(String jobId, String requestId);

    /** {@code PATCH /jobs/<id>?mode=cancel}. */
    void cancel(String jobId);

    /** The external path of the job's latest completed, not discarded checkpoint. */
    Optional<String> latestCheckpoint(String jobId);

    /** The newest entry of the job's exception history, one line. */
    Optional<String> lastException(String jobId);

    /** Where the job is shown in the Flink web UI (running and completed jobs differ). */
    default String webUiUrl(String jobId, boolean active) {
        return baseUrl()
                + "/#/job/"
                + (active ? "running" : "completed")
                + "/"
                + jobId
                + "/overview";
    }
}
