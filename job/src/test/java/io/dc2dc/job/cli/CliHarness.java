package io.dc2dc.job.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@link Dc2dcCli#run} in-process against a {@link FakeFlink}, with the state dir and job jar
 * in a temporary directory, and captures stdout, stderr and the exit code.
 */
final class CliHarness {

    /** One finished command. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final FakeFlink flink;
    final Path stateDir;
    final Map<String, String> env = new HashMap<>();

    CliHarness(Path dir) {
        this.flink = new FakeFlink(dir.resolve("flink"));
        this.stateDir = dir.resolve("state");
        env.put("DC2DC_STATE_DIR", stateDir.toString());
        env.put("DC2DC_JOB_JAR", dir.resolve("job.jar").toString());
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx =
                new CliContext(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        Clock.systemUTC(),
                        Duration.ofMillis(5),
                        url -> flink);
        int code = Dc2dcCli.run(args, ctx);
        return new Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    CliState state() {
        return CliState.load(stateDir);
    }
}
