package io.dc2dc.job.bench;

import io.dc2dc.emulator.junit.TestPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An emulated cluster in its own JVM, so that the benchmark's JVM measures only the job's memory.
 * Started with the test classpath; stopped by its process handle.
 */
final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    final String url;

    private EmulatorProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static EmulatorProcess start(int dbServers, String heap)
            throws IOException, InterruptedException {
        int port = TestPorts.forChildProcess();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        "-Xmx" + heap,
                                        "-XX:+UseG1GC",
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        "io.dc2dc.emulator.EmulatorMain",
                                        "--port",
                                        String.valueOf(port),
                                        "--dbservers",
                                        String.valueOf(dbServers)))
                        .redirectErrorStream(true)
                        .start();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("ready")) {
                Thread drain =
                        new Thread(
                                () -> {
                                    try {
                                        while (out.readLine() != null) {
                                            // discard
                                        }
                                    } catch (IOException ignored) {
                                        // process ended
                                    }
                                });
                drain.setDaemon(true);
                drain.start();
                return new EmulatorProcess(p, "http://127.0.0.1:" + port);
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        throw new IOException("the emulator did not report ready; last line: " + line);
    }

    /** CPU time the emulator's JIT compiler threads have used so far (Linux; 0 elsewhere). */
    Duration jitCpu() {
        return Duration.ofNanos(
                ThreadCpu.ofProcess(
                        String.valueOf(process.pid()), "C1 CompilerThre", "C2 CompilerThre"));
    }

    /** CPU time the emulator's process has used so far. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
