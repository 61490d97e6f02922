package io.dc2dc.job.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's scripts ({@code scripts/...}) as an operator would, with a fixed environment
 * (the cluster dir, ports, state dir), and records each run's exit code, output and duration.
 */
final class Scripts {

    /** One finished run. */
    record Run(String command, int exitCode, String out, String err, long millis) {
        @Override
        public String toString() {
            return command
                    + " -> exit "
                    + exitCode
                    + " in "
                    + millis
                    + " ms\n--- stdout\n"
                    + out
                    + "--- stderr\n"
                    + err;
        }
    }

    private final Path root;
    private final Path logs;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> timings = new ArrayList<>();
    private int runs;

    Scripts(Path root, Path logs) {
        this.root = root;
        this.logs = logs;
    }

    /** Sets an environment variable for every later run. */
    Scripts env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path root() {
        return root;
    }

    /** Runs {@code scripts/<script> args...} to its end (killed after {@code timeout}). */
    Run run(Duration timeout, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts").resolve(script).toString());
        command.addAll(List.of(args));
        String label = script + " " + String.join(" ", args);
        int n = ++runs;
        Path out = logs.resolve(n + "-" + script + ".out");
        Path err = logs.resolve(n + "-" + script + ".err");
        long t0 = System.nanoTime();
        Process p = start(command, out, err);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(label + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + label, e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        timings.add(String.format("%6d ms  %s", millis, label));
        return new Run(label, p.exitValue(), read(out), read(err), millis);
    }

    /** Starts {@code scripts/<script> args...} in the background, output into files. */
    Process background(String script, Path out, Path err, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts").resolve(script).toString());
        command.addAll(List.of(args));
        return start(command, out, err);
    }

    private Process start(List<String> command, Path out, Path err) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "duration command" of every run so far, for the test's log. */
    List<String> timings() {
        return timings;
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
