package io.dc2dc.job.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a command runs against: output streams, the environment, the clock, where Flink and
 * the state file are, and how often to poll. Tests build one with fakes; {@link Dc2dcCli#main}
 * builds the real one.
 */
final class CliContext {

    static final String DEFAULT_FLINK_URL = "http://localhost:8081";
    static final String DEFAULT_JAR = "job/target/dc2dc-job-0.1.0-SNAPSHOT-job.jar";

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final Clock clock;
    final Duration pollInterval;
    private final Function<String, FlinkApi> flinkFactory;
    private String flinkUrl;
    private Path stateDir;
    private Path jar;
    private FlinkApi flink;

    CliContext(
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Clock clock,
            Duration pollInterval,
            Function<String, FlinkApi> flinkFactory) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.flinkFactory = flinkFactory;
        this.flinkUrl = env.getOrDefault("DC2DC_FLINK_URL", DEFAULT_FLINK_URL);
        this.stateDir = Path.of(env.getOrDefault("DC2DC_STATE_DIR", "run/dc2dc"));
        this.jar = Path.of(env.getOrDefault("DC2DC_JOB_JAR", DEFAULT_JAR));
    }

    /** Applies the options every command accepts ({@code --flink}, {@code --state-dir}, ...). */
    void applyGlobalOptions(Args args) {
        args.value("--flink").ifPresent(v -> flinkUrl = v);
        args.value("--state-dir").ifPresent(v -> stateDir = Path.of(v));
        args.value("--jar").ifPresent(v -> jar = Path.of(v));
    }

    FlinkApi flink() {
        if (flink == null) {
            flink = flinkFactory.apply(flinkUrl);
        }
        return flink;
    }

    Path stateDir() {
        return stateDir;
    }

    Path jar() {
        return jar;
    }

    CliState state() {
        return CliState.load(stateDir);
    }

    void save(CliState state) {
        state.save(stateDir);
    }

    long now() {
        return clock.millis();
    }

    /** Pauses between two polls of a condition (never used as synchronisation). */
    void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted");
        }
    }
}
