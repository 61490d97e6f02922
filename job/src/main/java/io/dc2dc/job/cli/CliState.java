package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI remembers between invocations, in {@code <state-dir>/state.json}: the replication it
 * started last (its job id, program arguments and Flink settings, so that {@code resume} and {@code
 * rescale} need no configuration file) and the savepoints and retained checkpoints it can be
 * resumed from, newest last. One state dir per replication. Holds no secrets: the program arguments
 * only name files and environment variables.
 *
 * <pre>{"flinkUrl": "http://localhost:8081", "jobId": "e1a1c0f7...", "programArgs":
 * ["--source.endpoints", "http://a:8529", ...], "flinkConfiguration": {}, "parallelism": 2,
 * "restorePoints": [{"path": "file:/run/flink/savepoints/savepoint-e1a1c0-6dba6a1592c1",
 * "kind": "savepoint", "jobId": "e1a1c0f7...", "timeMillis": 1795766051853}]}</pre>
 */
record CliState(
        String flinkUrl,
        String jobId,
        List<String> programArgs,
        Map<String, String> flinkConfiguration,
        int parallelism,
        List<RestorePoint> restorePoints) {

    static final String FILE_NAME = "state.json";

    /** A savepoint or retained checkpoint a job can be resumed from. */
    record RestorePoint(String path, String kind, String jobId, long timeMillis) {}

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CliState {
        programArgs = programArgs == null ? List.of() : List.copyOf(programArgs);
        flinkConfiguration = flinkConfiguration == null ? Map.of() : Map.copyOf(flinkConfiguration);
        restorePoints = restorePoints == null ? List.of() : List.copyOf(restorePoints);
    }

    static CliState empty() {
        return new CliState(null, null, null, null, 0, null);
    }

    /** The state in {@code dir}, or {@link #empty()} when there is none yet. */
    static CliState load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            return JSON.readValue(file.toFile(), CliState.class);
        } catch (IOException e) {
            throw CliException.failed(
                    "cannot read "
                            + file
                            + " ("
                            + e.getMessage()
                            + "); fix or remove it (it only remembers job ids and savepoints)");
        }
    }

    /** Writes atomically (temp file + rename), so a crash never leaves half a file. */
    void save(Path dir) {
        save(dir, FILE_NAME);
    }

    void save(Path dir, String fileName) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, fileName, ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(
                    tmp,
                    dir.resolve(fileName),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw CliException.failed("cannot write " + dir.resolve(fileName) + ": " + e);
        }
    }

    /** The newest restore point (savepoint or retained checkpoint). */
    Optional<RestorePoint> newestRestorePoint() {
        return restorePoints.stream().max(Comparator.comparingLong(RestorePoint::timeMillis));
    }

    CliState withRestorePoint(RestorePoint point) {
        List<RestorePoint> points = new ArrayList<>(restorePoints);
        points.add(point);
        return new CliState(flinkUrl, jobId, programArgs, flinkConfiguration, parallelism, points);
    }

    /** The state after starting job {@code jobId}, keeping the restore points or not. */
    CliState withJob(
            String flinkUrl,
            String jobId,
            JobSpec spec,
            int parallelism,
            boolean keepRestorePoints) {
        return new CliState(
                flinkUrl,
                jobId,
                spec.programArgs(),
                spec.flinkOptions(),
                parallelism,
                keepRestorePoints ? restorePoints : List.of());
    }

    /** The remembered replication's options, if any. */
    Optional<JobSpec> spec() {
        return programArgs.isEmpty()
                ? Optional.empty()
                : Optional.of(JobSpec.fromProgramArgs(programArgs, flinkConfiguration));
    }
}
