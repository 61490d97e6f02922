package io.dc2dc.job.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.job.Pipeline;
import io.dc2dc.job.config.JobConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;

/**
 * The data path's benchmark (run by {@code scripts/bench}): on this machine, in one run, the
 * destination's raw bulk-insert rate, dc2dc's initial-sync rate for the same documents, their
 * ratio, the steady-state lag while the source takes 2,000 writes per second, and the job's heap
 * peak (live set after forced full GCs, see {@link HeapWatch}; the emulated clusters run in their
 * own JVMs). Also prints the CPU seconds each process used in the raw insert and in the initial
 * sync: on a shared machine they vary less than the rates and show where the time goes. Prints
 * numbers; asserts nothing.
 */
public final class ReplicationBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SHARDS = 12;
    private static final int BATCH = 1000;

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // Exit even though pool threads, a running job or the emulators' readers remain;
            // the emulators themselves are closed by run.
            e.printStackTrace();
            System.err.println("bench: failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int docs = 1_000_000;
        int parallelism = 2;
        int lagSeconds = 30;
        int rawRounds = 3;
        Configuration jobOptions = new Configuration();
        Configuration flinkOptions = new Configuration();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--lag-seconds" -> lagSeconds = Integer.parseInt(args[++i]);
                case "--raw-rounds" -> rawRounds = Integer.parseInt(args[++i]);
                case "--option" -> {
                    String[] kv = args[++i].split("=", 2);
                    jobOptions.setString(kv[0], kv[1]);
                }
                case "--flink" -> {
                    String[] kv = args[++i].split("=", 2);
                    flinkOptions.setString(kv[0], kv[1]);
                }
                default -> {
                    System.err.println(
                            "usage: bench [--docs N] [--parallelism P] [--lag-seconds S] [--raw-rounds R]"
                                    + " [--option key=value]..."
                                    + " [--flink key=value]...");
                    System.exit(2);
                }
            }
        }
        if (rawRounds < 1) {
            System.err.println("bench: --raw-rounds must be at least 1, got " + rawRounds);
            System.exit(2);
        }
        HeapWatch heap = new HeapWatch();
        String payload = "x".repeat(420);
        try (EmulatorProcess source = EmulatorProcess.start(3, "6g");
                EmulatorProcess destination = EmulatorProcess.start(3, "6g")) {
            System.out.printf(
                    "clusters: source %s, destination %s (3 DB-servers each)%n",
                    source.url, destination.url);

            // Warm-up: the same insert into a database dropped again, so that the measured raw
            // insert meets a destination as warm as the sync does later (its JIT-compiled insert
            // path, its heap already grown and touched), not a freshly started one.
            call(destination.url, "POST", "/_api/database", "{\"name\":\"warmup\"}");
            createCollection(destination.url, "warmup", "docs");
            insertAll(destination.url, "warmup", "docs", docs, payload, parallelism);
            call(destination.url, "DELETE", "/_api/database/warmup", "");

            // The raw insert, several rounds into a database dropped after each. One warm-up round
            // is not enough: the destination's CPU for the same insert kept falling in the next
            // rounds (18-19 s in the first measured round, 12-16 s after), and the sync below
            // writes into a destination that has taken all of them. The median of the rounds
            // also moves less between runs than any one round.
            List<Double> rawRates = new ArrayList<>();
            List<String> rawCpus = new ArrayList<>();
            for (int round = 1; round <= rawRounds; round++) {
                call(destination.url, "POST", "/_api/database", "{\"name\":\"raw\"}");
                createCollection(destination.url, "raw", "docs");
                long t0 = System.nanoTime();
                Cpu rawCpu = new Cpu(source, destination);
                insertAll(destination.url, "raw", "docs", docs, payload, parallelism);
                rawRates.add(docs / seconds(t0));
                rawCpus.add(rawCpu.since("client"));
                call(destination.url, "DELETE", "/_api/database/raw", "");
            }
            List<Double> sortedRates = new ArrayList<>(rawRates);
            Collections.sort(sortedRates);
            double rawRate = percentile(sortedRates, 0.50);
            System.out.printf(
                    Locale.ROOT,
                    "raw_insert_docs_per_s=%.0f (median of %d rounds: %s; %d docs each, %d client"
                            + " threads, batches of %d)%n",
                    rawRate,
                    rawRounds,
                    rawRates.stream()
                            .map(r -> String.format(Locale.ROOT, "%.0f", r))
                            .collect(Collectors.joining(", ")),
                    docs,
                    parallelism,
                    BATCH);
            for (int round = 1; round <= rawRounds; round++) {
                System.out.println(
                        "raw_insert_cpu_s round=" + round + " " + rawCpus.get(round - 1));
            }

            call(source.url, "POST", "/_api/database", "{\"name\":\"bench\"}");
            createCollection(source.url, "bench", "docs");
            insertAll(source.url, "bench", "docs", docs, payload, 4);
            System.out.printf(
                    "source loaded with %d documents of ~500 bytes in %d shards%n", docs, SHARDS);

            // The reference copy (see PlainCopy), twice: the first run warms the emulators' dump
            // and restore-insert paths, as the warm-up above warms the destination's insert path,
            // so that the measured copy and the sync below meet a source and a destination as
            // warm as the raw insert met. Without it the sync paid for the source's first dump,
            // which took several times the CPU of the same dump repeated: its JIT compiling the
            // dump path and, most of it, its JVM touching heap memory for the first time (page
            // faults in kernel time), neither of which arangod has. The job's JVM stays cold.
            plainCopy(source, destination, 2 * parallelism, -1);
            double copyRate = plainCopy(source, destination, 2 * parallelism, rawRate);

            Path dir = Files.createTempDirectory("dc2dc-bench");
            try {
                Configuration flink = new Configuration();
                flink.setString("state.backend.type", "rocksdb");
                flink.setString("execution.checkpointing.interval", "5 s");
                flink.setString("execution.checkpointing.incremental", "true");
                flink.setString("execution.checkpointing.dir", dir.toUri().toString());
                flink.setString("pipeline.generic-types", "false");
                flink.setString("taskmanager.numberOfTaskSlots", String.valueOf(parallelism));
                // RocksDB's memory as on a TaskManager of scripts/flink-cluster (2048m: 635 MiB
                // managed memory, flink-conf/README) rather than a local environment's 128 MiB, in
                // which the sorted files' filter blocks did not stay cached and were read again
                // for lookups.
                flink.setString("taskmanager.memory.managed.size", "635m");
                flink.addAll(flinkOptions);
                StreamExecutionEnvironment env =
                        StreamExecutionEnvironment.createLocalEnvironment(parallelism, flink);
                Configuration options = new Configuration();
                options.setString("source.endpoints", source.url);
                options.setString("destination.endpoints", destination.url);
                options.setString("sync.poll-interval", "50 ms");
                options.addAll(jobOptions);
                Pipeline.build(env, JobConfig.from(options, parallelism));
                long t1 = System.nanoTime();
                Cpu syncCpu = new Cpu(source, destination);
                JobClient job = env.executeAsync("dc2dc-bench");
                try (ArangoClient d = connect("destination", destination.url)) {
                    SyncProgress progress = waitForCount(d, "bench", "docs", docs, 1800, heap);
                    long firstAt = progress.firstAt();
                    System.out.println("initial_sync_cpu_s " + syncCpu.since("job"));
                    double syncRate = docs / seconds(firstAt);
                    System.out.printf(
                            Locale.ROOT,
                            "initial_sync_docs_per_s=%.0f (%d docs, parallelism %d, from the first"
                                    + " document at the destination; %.0f including the job's start"
                                    + " of %.1f s)%n",
                            syncRate,
                            docs,
                            parallelism,
                            docs / seconds(t1),
                            (firstAt - t1) / 1e9);
                    double ratio = syncRate / rawRate;
                    System.out.printf(Locale.ROOT, "initial_sync/raw_insert=%.2f%n", ratio);
                    System.out.printf(
                            Locale.ROOT,
                            "initial_sync/plain_copy=%.2f (the share of the reference copy's rate"
                                    + " the job reached)%n",
                            syncRate / copyRate);
                    // For information, not the goal's measure: the rate once a third of the
                    // documents has arrived, when the job's JVM has compiled most of its hot code.
                    if (progress.countAtThird() < docs) {
                        double laterRate =
                                (docs - progress.countAtThird()) / seconds(progress.thirdAt());
                        System.out.printf(
                                Locale.ROOT,
                                "initial_sync_docs_per_s_after_first_third=%.0f (ratio to raw %.2f)%n",
                                laterRate,
                                laterRate / rawRate);
                    }

                    List<Double> lags =
                            measureLag(source.url, destination.url, lagSeconds, payload);
                    // the live set while the job tails and writes at 2,000 changes per second
                    heap.sampleLiveSet();
                    Collections.sort(lags);
                    double p50 = percentile(lags, 0.50);
                    double p99 = percentile(lags, 0.99);
                    System.out.printf(
                            Locale.ROOT,
                            "lag_p50_s=%.3f lag_p99_s=%.3f (%d probes at 2000 writes/s for %d s)%n",
                            p50,
                            p99,
                            lags.size(),
                            lagSeconds);
                    job.cancel().get();
                    awaitTerminal(job);
                    System.out.printf(
                            Locale.ROOT,
                            "heap_live_mb=%s (live set after a forced full GC at 1/3 and 2/3 of the"
                                    + " initial sync and at the end of the lag phase; %.1f s spent in"
                                    + " those GCs) heap_after_any_gc_peak_mb=%d (includes garbage not"
                                    + " yet collected)%n",
                            heap.liveSamplesMb(),
                            heap.forcedGcSeconds(),
                            heap.peakAfterAnyGcMb());
                    System.out.printf(
                            Locale.ROOT,
                            "ratio=%.2f lag_p99_s=%.3f heap_peak_mb=%d%n",
                            ratio,
                            p99,
                            heap.liveSetPeakMb());
                }
            } finally {
                // the job's checkpoints, also when a step failed
                FileUtils.deleteDirectory(dir.toFile());
            }
        }
    }

    /**
     * Runs {@link PlainCopy} of the source's documents into a destination database dropped again
     * afterwards, in a JVM of its own started like the job's; checks that every document arrived.
     * With {@code rawRate} above 0 prints its rate and CPU; returns its rate.
     */
    private static double plainCopy(
            EmulatorProcess source, EmulatorProcess destination, int threads, double rawRate)
            throws Exception {
        call(destination.url, "POST", "/_api/database", "{\"name\":\"copy\"}");
        createCollection(destination.url, "copy", "docs");
        String java = ProcessHandle.current().info().command().orElse("java");
        Cpu cpu = new Cpu(source, destination);
        Process p =
                new ProcessBuilder(
                                java,
                                "-Xms1g",
                                "-Xmx1g",
                                "-XX:+AlwaysPreTouch",
                                "-XX:+UseG1GC",
                                "-cp",
                                System.getProperty("java.class.path"),
                                PlainCopy.class.getName(),
                                source.url,
                                destination.url,
                                "bench",
                                "docs",
                                "copy",
                                String.valueOf(threads))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
            }
        }
        String emulatorCpu = cpu.emulatorsSince();
        String line = out.lines().filter(l -> l.startsWith("plain_copy=")).findFirst().orElse(null);
        if (p.exitValue() != 0 || line == null) {
            throw new IllegalStateException(
                    "the plain copy failed (exit " + p.exitValue() + "): " + out.strip());
        }
        String[] f = line.substring("plain_copy=".length()).split(" ");
        long copied = Long.parseLong(f[0]);
        long expected;
        try (ArangoClient s = connect("source", source.url)) {
            expected = s.count("bench", "docs");
        }
        try (ArangoClient d = connect("destination", destination.url)) {
            long count = d.count("copy", "docs");
            if (copied != expected || count != expected) {
                throw new IllegalStateException(
                        "the plain copy read "
                                + copied
                                + " and the destination holds "
                                + count
                                + " documents, not the source's "
                                + expected);
            }
        }
        call(destination.url, "DELETE", "/_api/database/copy", "");
        double rate = copied / Double.parseDouble(f[1]);
        if (rawRate <= 0) {
            return rate;
        }
        System.out.printf(
                Locale.ROOT,
                "plain_copy_docs_per_s=%.0f (dump and bulk insert with dc2dc's client alone, %d"
                        + " threads, a fresh JVM, after an unmeasured first copy; ratio to raw"
                        + " %.2f)%n",
                rate,
                threads,
                rate / rawRate);
        // the copier's CPU comes from its own JVM, the emulators' from theirs
        System.out.printf(
                Locale.ROOT, "plain_copy_cpu_s copier=%s (JIT %s) %s%n", f[2], f[3], emulatorCpu);
        return rate;
    }

    private static List<Double> measureLag(
            String source, String destination, int seconds, String payload) throws Exception {
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicLong probes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> tasks = new ArrayList<>();
        // 2,000 writes per second: 20 batches of 100 per second.
        tasks.add(
                pool.submit(
                        () -> {
                            long n = 0;
                            long start = System.nanoTime();
                            while (System.nanoTime() < end) {
                                StringBuilder sb = new StringBuilder("[");
                                for (int i = 0; i < 100; i++) {
                                    sb.append(i == 0 ? "" : ",")
                                            .append("{\"_key\":\"steady")
                                            .append(n++)
                                            .append("\",\"p\":\"")
                                            .append(payload)
                                            .append("\"}");
                                }
                                call(
                                        source,
                                        "POST",
                                        "/_db/bench/_api/document/docs",
                                        sb.append(']').toString());
                                long due = start + n * 1_000_000_000L / 2000;
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    Thread.sleep(wait / 1_000_000);
                                }
                            }
                            return null;
                        }));
        // Probes: every 100 ms one document whose arrival at the destination is timed.
        tasks.add(
                pool.submit(
                        () -> {
                            while (System.nanoTime() < end) {
                                long id = probes.incrementAndGet();
                                String key = "probe" + id;
                                long written = System.nanoTime();
                                call(
                                        source,
                                        "POST",
                                        "/_db/bench/_api/document/docs",
                                        "{\"_key\":\"" + key + "\"}");
                                pool.submit(
                                        () -> {
                                            while (status(
                                                            destination,
                                                            "/_db/bench/_api/document/docs/" + key)
                                                    != 200) {
                                                Thread.sleep(10);
                                            }
                                            lags.add((System.nanoTime() - written) / 1e9);
                                            return null;
                                        });
                                Thread.sleep(100);
                            }
                            return null;
                        }));
        for (Future<?> f : tasks) {
            f.get();
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (lags.size() < probes.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        pool.shutdownNow();
        return new ArrayList<>(lags);
    }

    /** CPU time used by the benchmark's JVM and the two emulators since construction. */
    private static final class Cpu {
        private final EmulatorProcess source;
        private final EmulatorProcess destination;
        private final long self;
        private final long compilerNanos;
        private final long gcNanos;
        private final Duration sourceStart;
        private final Duration destinationStart;
        private final Duration sourceJitStart;
        private final Duration destinationJitStart;

        Cpu(EmulatorProcess source, EmulatorProcess destination) {
            this.source = source;
            this.destination = destination;
            this.self = ThreadCpu.ofThisProcess();
            this.compilerNanos = ThreadCpu.nanos("C1 CompilerThre", "C2 CompilerThre");
            this.gcNanos = ThreadCpu.nanos("GC Thread#", "G1 ");
            this.sourceStart = source.cpu();
            this.destinationStart = destination.cpu();
            this.sourceJitStart = source.jitCpu();
            this.destinationJitStart = destination.jitCpu();
        }

        /**
         * {@code <selfName>=<s> (JIT <s>, GC <s>) source=<s> (JIT <s>) destination=<s> (JIT <s>)}:
         * CPU seconds since construction; JIT and GC are the CPU seconds of a JVM's compiler and
         * collector threads (from /proc, Linux only), part of its total: a JVM compiles much of
         * what it runs for the first time, the emulators' too.
         */
        String since(String selfName) {
            return String.format(
                            Locale.ROOT,
                            "%s=%.1f (JIT %.1f, GC %.1f) ",
                            selfName,
                            (ThreadCpu.ofThisProcess() - self) / 1e9,
                            (ThreadCpu.nanos("C1 CompilerThre", "C2 CompilerThre") - compilerNanos)
                                    / 1e9,
                            (ThreadCpu.nanos("GC Thread#", "G1 ") - gcNanos) / 1e9)
                    + emulatorsSince();
        }

        /** {@code source=<s> (JIT <s>) destination=<s> (JIT <s>)}: the emulators' part alone. */
        String emulatorsSince() {
            return String.format(
                    Locale.ROOT,
                    "source=%.1f (JIT %.1f) destination=%.1f (JIT %.1f)",
                    source.cpu().minus(sourceStart).toMillis() / 1e3,
                    source.jitCpu().minus(sourceJitStart).toMillis() / 1e3,
                    destination.cpu().minus(destinationStart).toMillis() / 1e3,
                    destination.jitCpu().minus(destinationJitStart).toMillis() / 1e3);
        }
    }

    /**
     * Waits (at most a minute) until the cancelled job has stopped everywhere, so that nothing
     * writes into its checkpoint directory while that is deleted.
     */
    private static void awaitTerminal(JobClient job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (job.getJobStatus().get().isGloballyTerminalState()) {
                    return;
                }
            } catch (ExecutionException | IllegalStateException e) {
                return; // the local cluster has already shut down with the job
            }
            Thread.sleep(50);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /**
     * Waits until the collection holds {@code expected} documents; returns when it held one.
     * Samples the job's live set when a third and two thirds of the documents have arrived.
     */
    /**
     * When the first document arrived, and when (with how many documents) a third had.
     *
     * @param firstAt {@link System#nanoTime()} of the first count above 0
     * @param thirdAt {@link System#nanoTime()} of the first count of at least a third
     */
    private record SyncProgress(long firstAt, long thirdAt, long countAtThird) {}

    private static SyncProgress waitForCount(
            ArangoClient d, String db, String c, long expected, int timeoutSeconds, HeapWatch heap)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long count = 0;
        long firstAt = 0;
        long thirdAt = 0;
        long countAtThird = 0;
        int sampled = 0;
        while (System.nanoTime() < deadline) {
            try {
                count = d.count(db, c);
                if (count > 0 && firstAt == 0) {
                    firstAt = System.nanoTime();
                }
                if (count >= expected / 3 && thirdAt == 0) {
                    thirdAt = System.nanoTime();
                    countAtThird = count;
                }
                if (sampled < 2 && count >= expected * (sampled + 1) / 3 && count < expected) {
                    heap.sampleLiveSet();
                    sampled++;
                }
                if (count >= expected) {
                    return new SyncProgress(firstAt, thirdAt, countAtThird);
                }
            } catch (RuntimeException e) {
                // the collection may not exist yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "initial sync did not finish: " + count + " of " + expected);
    }

    private static void createCollection(String url, String db, String name) throws Exception {
        call(
                url,
                "POST",
                "/_db/" + db + "/_api/collection",
                "{\"name\":\""
                        + name
                        + "\",\"numberOfShards\":"
                        + SHARDS
                        + ",\"replicationFactor\":2}");
    }

    private static void insertAll(
            String url, String db, String c, int docs, String payload, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < docs; start += BATCH) {
            int from = start;
            int to = Math.min(docs, start + BATCH);
            futures.add(
                    pool.submit(
                            () -> {
                                StringBuilder sb = new StringBuilder(BATCH * 520).append('[');
                                for (int i = from; i < to; i++) {
                                    sb.append(i == from ? "" : ",")
                                            .append("{\"_key\":\"d")
                                            .append(i)
                                            .append("\",\"n\":")
                                            .append(i)
                                            .append(",\"p\":\"")
                                            .append(payload)
                                            .append("\"}");
                                }
                                call(
                                        url,
                                        "POST",
                                        "/_db/" + db + "/_api/document/" + c,
                                        sb.append(']').toString());
                                return null;
                            }));
        }
        awaitAll(pool, futures);
    }

    /** Waits for every task (rethrowing the first failure), then stops the pool. */
    static void awaitAll(ExecutorService pool, List<Future<?>> tasks) throws Exception {
        try {
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static JsonNode call(String url, String method, String path, String body) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .header("content-type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return null;
    }

    /** A client of an emulated cluster, which needs no credentials. */
    static ArangoClient connect(String name, String url) {
        return ArangoClient.connect(ClusterSpec.unauthenticated(name, List.of(url)));
    }

    static int status(String url, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
