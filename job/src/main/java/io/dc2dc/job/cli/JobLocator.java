package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.job.config.JobConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds dc2dc jobs on the Flink cluster and tells which one a command means. Jobs started by this
 * CLI carry their endpoints as global job parameters ({@code dc2dc.source}, {@code
 * dc2dc.destination}; visible in the web UI's job configuration), so that a second job into the
 * same destination, or one replicating back into the source, is refused before it is submitted.
 */
final class JobLocator {

    /** The job name {@code io.dc2dc.job.Dc2dcJob} gives its jobs. */
    static final String JOB_NAME = "dc2dc";

    static final String SOURCE_TAG = "dc2dc.source";
    static final String DESTINATION_TAG = "dc2dc.destination";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An active dc2dc job; the endpoint lists are empty when it was not started by this CLI. */
    record Dc2dcJob(String id, String state, List<String> source, List<String> destination) {
        boolean tagged() {
            return !destination.isEmpty();
        }

        String describe() {
            return id
                    + " ("
                    + state
                    + (tagged() ? ", " + source + " -> " + destination : ", endpoints unknown")
                    + ")";
        }
    }

    private JobLocator() {}

    /** The Flink setting that tags a job with its endpoints (a YAML flow map). */
    static Map<String, String> tagConfiguration(JobConfig config) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(SOURCE_TAG, String.join(";", config.source().cluster().endpoints()));
        tags.put(DESTINATION_TAG, String.join(";", config.sink().cluster().endpoints()));
        try {
            // JSON is YAML's flow syntax: Flink parses it as a map (a "k:v,k:v" list would break
            // on the colons of the URLs)
            return Map.of("pipeline.global-job-parameters", JSON.writeValueAsString(tags));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every active (not finished, cancelled, failed or suspended) dc2dc job. */
    static List<Dc2dcJob> active(FlinkApi flink) {
        List<Dc2dcJob> out = new ArrayList<>();
        for (FlinkApi.JobSummary j : flink.jobs()) {
            if (!j.active()) {
                continue;
            }
            Map<String, String> tags = flink.userConfig(j.id());
            if (!tags.containsKey(DESTINATION_TAG) && !JOB_NAME.equals(j.name())) {
                continue;
            }
            out.add(
                    new Dc2dcJob(
                            j.id(),
                            j.state(),
                            endpoints(tags.get(SOURCE_TAG)),
                            endpoints(tags.get(DESTINATION_TAG))));
        }
        return out;
    }

    /**
     * Why a replication from {@code source} into {@code destination} must not start now: a job
     * writes into the same destination, replicates back into the source, or cannot be told apart.
     */
    static Optional<String> conflict(
            List<Dc2dcJob> active, List<String> source, List<String> destination) {
        for (Dc2dcJob job : active) {
            if (!job.tagged()) {
                return Optional.of(
                        "dc2dc job "
                                + job.describe()
                                + " runs on this Flink cluster and was not started by this"
                                + " command, so its destination is unknown. Two jobs writing into"
                                + " one destination overwrite each other: stop or cancel it first.");
            }
            if (overlap(job.destination(), destination)) {
                return Optional.of(
                        "dc2dc job "
                                + job.describe()
                                + " already replicates into this destination. Stop it first"
                                + " (dc2dc stop), or resume it instead of starting another.");
            }
            if (overlap(job.destination(), source) && overlap(job.source(), destination)) {
                return Optional.of(
                        "dc2dc job "
                                + job.describe()
                                + " replicates in the reverse direction; both directions at once"
                                + " would loop every change. Stop it first.");
            }
        }
        return Optional.empty();
    }

    /**
     * The job a command acts on: {@code --job}, else the active job this CLI started last, else the
     * only active dc2dc job. Empty when there is none.
     */
    static Optional<String> target(FlinkApi flink, Optional<String> jobOption, CliState state) {
        if (jobOption.isPresent()) {
            return jobOption;
        }
        List<Dc2dcJob> active = active(flink);
        if (state.jobId() != null && active.stream().anyMatch(j -> j.id().equals(state.jobId()))) {
            return Optional.of(state.jobId());
        }
        if (active.size() == 1) {
            return Optional.of(active.get(0).id());
        }
        if (active.size() > 1) {
            StringBuilder sb =
                    new StringBuilder("several dc2dc jobs run; choose one with --job ID:");
            active.forEach(j -> sb.append("\n  ").append(j.describe()));
            throw CliException.usage(sb.toString());
        }
        return Optional.empty();
    }

    /** The active job that replicates into {@code destination}, if any. */
    static Optional<Dc2dcJob> intoDestination(FlinkApi flink, List<String> destination) {
        return active(flink).stream()
                .filter(j -> overlap(j.destination(), destination))
                .findFirst();
    }

    static List<String> endpoints(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String e : joined.split(";")) {
            if (!e.isBlank()) {
                out.add(e.trim());
            }
        }
        return out;
    }

    /** Two endpoint lists name the same cluster if they share a coordinator URL. */
    static boolean overlap(List<String> a, List<String> b) {
        return !Collections.disjoint(normalize(a), normalize(b));
    }

    private static List<String> normalize(List<String> endpoints) {
        List<String> out = new ArrayList<>();
        for (String e : endpoints) {
            String n = e.trim().toLowerCase(Locale.ROOT);
            while (n.endsWith("/")) {
                n = n.substring(0, n.length() - 1);
            }
            out.add(n.replace("://localhost:", "://127.0.0.1:"));
        }
        return out;
    }
}
