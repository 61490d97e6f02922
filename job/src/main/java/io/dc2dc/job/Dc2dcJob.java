package io.dc2dc.job;

import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.config.Preflight;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * The job's entry point. Options come from the Flink configuration and from {@code --key value}
 * arguments (never secrets: options name files or environment variables holding them).
 */
public final class Dc2dcJob {

    private Dc2dcJob() {}

    public static void main(String[] args) throws Exception {
        Configuration options = Configuration.fromMap(ParameterTool.fromArgs(args).toMap());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration merged = new Configuration();
        merged.addAll(options);
        int parallelism = env.getParallelism() > 0 ? env.getParallelism() : 1;
        JobConfig config;
        try {
            config = JobConfig.from(merged, parallelism);
            Preflight.check(config);
        } catch (JobConfig.InvalidConfigException | Preflight.PreflightException e) {
            System.err.println("dc2dc: " + e.getMessage());
            throw e;
        }
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            // Positions and ordering state are only durable through checkpoints.
            env.enableCheckpointing(10_000);
        }
        Pipeline.build(env, config);
        env.execute("dc2dc");
    }
}
