package io.dc2dc.job.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An emulated cluster in its own JVM, started through {@code scripts/emulator}: waits for its
 * "ready" line, knows its DB-server ids from the lines before it, and is stopped by PID.
 */
final class EmulatorProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;
    private final int port;
    private List<String> dbServers = List.of();

    private EmulatorProcess(String name, Process process, Path out, Path err, int port) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
        this.port = port;
    }

    /** Starts {@code scripts/emulator --port P args...}; call {@link #awaitReady} next. */
    static EmulatorProcess start(
            Scripts scripts, Path logs, String name, int port, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
        all.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process p = scripts.background("emulator", out, err, all.toArray(String[]::new));
        return new EmulatorProcess(name, p, out, err, port);
    }

    /** Waits until the emulator printed "ready" (it may first build its module). */
    EmulatorProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = Scripts.read(out).lines().toList();
            if (lines.contains("ready")) {
                dbServers =
                        lines.stream()
                                .filter(l -> l.startsWith("dbserver "))
                                .map(l -> l.split(" ")[1])
                                .toList();
                return this;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the "
                                + name
                                + " emulator "
                                + (process.isAlive() ? "is not ready in time" : "exited")
                                + "; stdout: "
                                + Scripts.read(out)
                                + " stderr: "
                                + Scripts.read(err));
            }
            pause();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    List<String> dbServers() {
        return dbServers;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM to the emulator's PID (the script execs java), SIGKILL after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
