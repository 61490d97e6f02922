package io.dc2dc.job.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;

/**
 * CPU time of a JVM's threads by name, read from /proc/<pid>/task: JVM-internal threads (the JIT
 * compilers, the collector) are invisible to ThreadMXBean. Linux only; 0 elsewhere.
 */
final class ThreadCpu {

    private ThreadCpu() {}

    /** CPU nanoseconds of this JVM's threads whose name starts with one of {@code prefixes}. */
    static long nanos(String... prefixes) {
        return ofProcess("self", prefixes);
    }

    /** The same for the threads of process {@code pid} ("self" for this one). */
    static long ofProcess(String pid, String... prefixes) {
        long ticks = 0;
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).strip();
                boolean match = false;
                for (String prefix : prefixes) {
                    match |= name.startsWith(prefix);
                }
                if (!match) {
                    continue;
                }
                String stat = Files.readString(task.toPath().resolve("stat"));
                // fields after the parenthesised name: state is field 3, utime 14, stime 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** CPU nanoseconds this JVM has used, all threads. */
    static long ofThisProcess() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The same in seconds. */
    static double seconds(String... prefixes) {
        return nanos(prefixes) / 1e9;
    }
}
