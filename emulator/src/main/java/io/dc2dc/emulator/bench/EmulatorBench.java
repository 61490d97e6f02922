package io.dc2dc.emulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the emulator over HTTP: bulk inserts of ~500-byte documents in arrays from several
 * client threads into a 12-shard collection, then a full dump of every shard under batches on its
 * leader. Prints {@code insert_docs_per_s=... dump_docs_per_s=...} last.
 *
 * <p>Usage: {@code EmulatorBench [--docs N] [--threads T] [--batch B] [--shards S]
 * [--replication-factor R]}
 */
public final class EmulatorBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int docs;
    private final int threads;
    private final int batch;
    private final int shards;
    private final int replicationFactor;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private EmulatorBench(Map<String, Integer> opts) {
        this.docs = opts.getOrDefault("--docs", 200_000);
        this.threads = opts.getOrDefault("--threads", 4);
        this.batch = opts.getOrDefault("--batch", 1000);
        this.shards = opts.getOrDefault("--shards", 12);
        this.replicationFactor = opts.getOrDefault("--replication-factor", 2);
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            try {
                opts.put(args[i], Integer.parseInt(args[i + 1]));
            } catch (NumberFormatException e) {
                System.err.println("bench-emulator: " + args[i] + " needs a number");
                System.exit(2);
            }
        }
        if (args.length % 2 != 0) {
            System.err.println("bench-emulator: options come in pairs: --docs N --threads T ...");
            System.exit(2);
        }
        new EmulatorBench(opts).run();
    }

    private void run() throws Exception {
        try (Emulator emu = Emulator.start(EmulatorConfig.builder().dbServers(3).build())) {
            String coord = emu.coordinatorUrl();
            send(
                    coord,
                    "POST",
                    "/_api/collection",
                    "{\"name\":\"bench\",\"numberOfShards\":"
                            + shards
                            + ",\"replicationFactor\":"
                            + replicationFactor
                            + "}");
            System.out.printf(
                    "emulator bench: %d docs of ~500 bytes, arrays of %d, %d client threads,"
                            + " %d shards, replicationFactor %d%n",
                    docs, batch, threads, shards, replicationFactor);
            double insertRate = insert(coord);
            double dumpRate = dump(emu, coord);
            System.out.printf(
                    "insert_docs_per_s=%.0f dump_docs_per_s=%.0f%n", insertRate, dumpRate);
        }
    }

    private double insert(String coord) throws Exception {
        int batches = (docs + batch - 1) / batch;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(
                    pool.submit(
                            () -> {
                                for (int b; (b = next.getAndIncrement()) < batches; ) {
                                    String body =
                                            documents(b * batch, Math.min(docs, (b + 1) * batch));
                                    HttpResponse<String> r =
                                            send(coord, "POST", "/_api/document/bench", body);
                                    if (r.statusCode() != 202
                                            || r.headers()
                                                    .firstValue("x-arango-error-codes")
                                                    .isPresent()) {
                                        throw new IllegalStateException(
                                                "insert failed: "
                                                        + r.statusCode()
                                                        + " "
                                                        + r.body()
                                                                .substring(
                                                                        0,
                                                                        Math.min(
                                                                                300,
                                                                                r.body()
                                                                                        .length())));
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long count =
                MAPPER.readTree(send(coord, "GET", "/_api/collection/bench/count", null).body())
                        .get("count")
                        .asLong();
        if (count != docs) {
            throw new IllegalStateException("expected " + docs + " documents, count says " + count);
        }
        System.out.printf("inserted %d documents in %.2f s%n", docs, seconds);
        return docs / seconds;
    }

    private static String documents(int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 520 + 2).append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append("{\"_key\":\"doc")
                    .append(i)
                    .append("\",\"n\":")
                    .append(i)
                    .append(",\"name\":\"customer ")
                    .append(i)
                    .append("\",\"tags\":[\"a\",\"b\",\"c\"],\"nested\":{\"x\":")
                    .append(i % 97)
                    .append(",\"y\":true},\"payload\":\"");
            for (int k = 0; k < 400; k++) {
                sb.append((char) ('a' + (i + k) % 26));
            }
            sb.append("\"}");
        }
        return sb.append(']').toString();
    }

    private double dump(Emulator emu, String coord) throws Exception {
        JsonNode placement =
                MAPPER.readTree(
                                send(
                                                coord,
                                                "GET",
                                                "/_api/collection/bench/shards?details=true",
                                                null)
                                        .body())
                        .get("shards");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong dumped = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = placement.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String shard = e.getKey();
            String leader = emu.dbServerUrl(e.getValue().get(0).asText());
            futures.add(
                    pool.submit(
                            () -> {
                                dumped.addAndGet(dumpShard(leader, shard));
                                return null;
                            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (dumped.get() != docs) {
            throw new IllegalStateException(
                    "dumped " + dumped.get() + " of " + docs + " documents");
        }
        System.out.printf(
                "dumped %d documents from %d shards in %.2f s%n",
                dumped.get(), placement.size(), seconds);
        return docs / seconds;
    }

    private long dumpShard(String leader, String shard) throws Exception {
        String batchId =
                MAPPER.readTree(
                                send(leader, "POST", "/_api/replication/batch", "{\"ttl\":300}")
                                        .body())
                        .get("id")
                        .asText();
        long lines = 0;
        try {
            while (true) {
                HttpRequest req =
                        HttpRequest.newBuilder(
                                        URI.create(
                                                leader
                                                        + "/_api/replication/dump?collection="
                                                        + shard
                                                        + "&batchId="
                                                        + batchId
                                                        + "&useEnvelope=false&chunkSize="
                                                        + (8 << 20)))
                                .timeout(Duration.ofMinutes(2))
                                .GET()
                                .build();
                HttpResponse<InputStream> r =
                        http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() == 204) {
                        return lines;
                    }
                    lines += countLines(in);
                }
                if (!"true"
                        .equals(
                                r.headers()
                                        .firstValue("x-arango-replication-checkmore")
                                        .orElse(""))) {
                    return lines;
                }
            }
        } finally {
            send(leader, "DELETE", "/_api/replication/batch/" + batchId, null);
        }
    }

    private static long countLines(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            for (int i = 0; i < r; i++) {
                if (buf[i] == '\n') {
                    n++;
                }
            }
        }
        return n;
    }

    private HttpResponse<String> send(String base, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(2))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
