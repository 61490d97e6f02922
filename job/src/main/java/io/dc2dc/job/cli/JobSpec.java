package io.dc2dc.job.cli;

import io.dc2dc.job.config.JobConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * What a replication job is started with: its dc2dc options (passed as {@code --key value} program
 * arguments, which the Flink web UI shows, hence never secrets) and per-job Flink settings (sent as
 * the run request's {@code flinkConfiguration}).
 *
 * <pre>jobOptions   {"source.endpoints": "http://a:8529", "destination.endpoints": "http://b:8529",
 *               "source.jwt-secret-file": "/etc/dc2dc/a.jwt"}
 * flinkOptions {"execution.checkpointing.interval": "10 s"}</pre>
 */
record JobSpec(Map<String, String> jobOptions, Map<String, String> flinkOptions) {

    static final String PARALLELISM_KEY = "parallelism.default";

    JobSpec {
        jobOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jobOptions));
        flinkOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flinkOptions));
    }

    /** Rebuilds the options from program arguments remembered in the state file. */
    static JobSpec fromProgramArgs(List<String> args, Map<String, String> flinkOptions) {
        if (args.size() % 2 != 0) {
            throw CliException.usage("remembered program arguments are not --key value pairs");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i);
            if (!key.startsWith("--")) {
                throw CliException.usage("remembered program argument '" + key + "' is no option");
            }
            options.put(key.substring(2), args.get(i + 1));
        }
        return new JobSpec(options, flinkOptions);
    }

    /** {@code ["--source.endpoints", "http://a:8529", ...]}, in file order. */
    List<String> programArgs() {
        List<String> args = new ArrayList<>();
        jobOptions.forEach(
                (k, v) -> {
                    args.add("--" + k);
                    args.add(v);
                });
        return args;
    }

    /** The parallelism the file asks for ({@code parallelism.default}), 0 if none. */
    int requestedParallelism() {
        String p = flinkOptions.get(PARALLELISM_KEY);
        return p == null ? 0 : Args.parsePositive(PARALLELISM_KEY, p);
    }

    /**
     * Validates the options exactly as the job will at start ({@link JobConfig}); a bad value is a
     * usage error naming the key.
     */
    JobConfig validate(int parallelism) {
        try {
            return JobConfig.from(Configuration.fromMap(jobOptions), parallelism);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("invalid configuration: " + e.getMessage());
        }
    }

    static final String GENERATION_KEY = "sync.generation";

    /** {@code sync.generation}: 0 until the first switchover. */
    int generation() {
        String g = jobOptions.get(GENERATION_KEY);
        return g == null ? 0 : Integer.parseInt(g.trim());
    }

    /**
     * The same replication in the other direction: source and destination settings swapped, and the
     * next {@code sync.generation}, so that the reverse job does not restore the old source's state
     * from the switchover savepoint.
     */
    JobSpec reversed() {
        Map<String, String> swapped = new LinkedHashMap<>();
        jobOptions.forEach(
                (k, v) -> {
                    if (k.startsWith("source.")) {
                        swapped.put("destination." + k.substring("source.".length()), v);
                    } else if (k.startsWith("destination.")) {
                        swapped.put("source." + k.substring("destination.".length()), v);
                    } else if (!k.equals("sync.syncer-id") && !k.equals(GENERATION_KEY)) {
                        // the syncer id names the WAL the *old* source keeps for us; the reverse
                        // replication derives its own from its destination
                        swapped.put(k, v);
                    }
                });
        swapped.put(GENERATION_KEY, Integer.toString(generation() + 1));
        return new JobSpec(swapped, flinkOptions);
    }
}
