package io.dc2dc.arango.http;

import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end client throughput against an in-process emulator (3 DB-servers, 12 shards, replication
 * factor 1): bulk restore writes from 4 threads, dumps of every shard under batches, and WAL tails
 * of every DB-server. Prints {@code insert_docs_per_s=... dump_docs_per_s=...
 * tail_markers_per_s=...}. The emulator shares the CPU, so these are lower bounds for the client.
 * Run by hand with the test classpath; argument: number of documents (default 100000).
 */
public final class ClientBench {

    private ClientBench() {}

    public static void main(String[] args) throws Exception {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        byte[] secret = "bench-secret".getBytes(StandardCharsets.UTF_8);
        Path secretFile = Files.createTempFile("dc2dc-bench", ".jwt");
        Files.write(secretFile, secret);
        try (Emulator emu =
                        Emulator.start(
                                EmulatorConfig.builder().dbServers(3).jwtSecret(secret).build());
                ArangoClient client =
                        ArangoClient.connect(
                                new ClusterSpec(
                                        "source",
                                        List.of(emu.coordinatorUrl()),
                                        null,
                                        null,
                                        io.dc2dc.arango.auth.SecretRef.file(secretFile.toString()),
                                        null,
                                        Duration.ofSeconds(60)))) {
            client.createDatabase("bench", null);
            client.createCollection(
                    "bench",
                    Json.MAPPER.createObjectNode().put("name", "docs").put("numberOfShards", 12));
            Map<String, Long> startTicks = new HashMap<>();
            for (String server : emu.dbServerIds()) {
                startTicks.put(server, client.lastTick(server));
            }

            long t0 = System.nanoTime();
            insert(client, docs);
            double insertSeconds = (System.nanoTime() - t0) / 1e9;

            CollectionInfo info =
                    client.collections("bench").stream()
                            .filter(c -> c.name().equals("docs"))
                            .findFirst()
                            .orElseThrow();
            t0 = System.nanoTime();
            long dumped = dumpAll(client, info);
            double dumpSeconds = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            long markers = 0;
            for (String server : emu.dbServerIds()) {
                markers += tailAll(client, server, startTicks.get(server));
            }
            double tailSeconds = (System.nanoTime() - t0) / 1e9;

            System.out.printf(
                    Locale.ROOT,
                    "docs=%d insert_docs_per_s=%.0f dump_docs_per_s=%.0f (dumped %d)"
                            + " tail_markers_per_s=%.0f (markers %d)%n",
                    docs,
                    docs / insertSeconds,
                    dumped / dumpSeconds,
                    dumped,
                    markers / tailSeconds,
                    markers);
        } finally {
            Files.deleteIfExists(secretFile);
        }
    }

    private static void insert(ArangoClient client, int docs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        long base = Revisions.of(System.currentTimeMillis(), 0);
        String filler = "x".repeat(420);
        for (int from = 0; from < docs; from += 1000) {
            int start = from;
            futures.add(
                    pool.submit(
                            () -> {
                                List<byte[]> batch = new ArrayList<>(1000);
                                for (int i = start; i < Math.min(docs, start + 1000); i++) {
                                    batch.add(
                                            ("{\"_key\":\"k"
                                                            + i
                                                            + "\",\"_rev\":\""
                                                            + Revisions.encode(base + i)
                                                            + "\",\"n\":"
                                                            + i
                                                            + ",\"f\":\""
                                                            + filler
                                                            + "\"}")
                                                    .getBytes(StandardCharsets.UTF_8));
                                }
                                BulkResult r = client.insertRestore("bench", "docs", batch);
                                if (r.hasErrors()) {
                                    throw new IllegalStateException(r.errors().get(0).toString());
                                }
                                return null;
                            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static long dumpAll(ArangoClient client, CollectionInfo info) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong total = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (Map.Entry<String, List<String>> shard : info.shards().entrySet()) {
            futures.add(
                    pool.submit(
                            () -> {
                                String leader = shard.getValue().get(0);
                                Batch b =
                                        client.createBatch(
                                                leader, "bench", Duration.ofMinutes(5), 0);
                                try {
                                    DumpResult r;
                                    do {
                                        r =
                                                client.dump(
                                                        leader,
                                                        "bench",
                                                        shard.getKey(),
                                                        b.id(),
                                                        8 << 20,
                                                        d -> {});
                                        total.addAndGet(r.documents());
                                    } while (r.checkMore() && r.documents() > 0);
                                } finally {
                                    client.deleteBatch(leader, "bench", b.id());
                                }
                                return null;
                            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return total.get();
    }

    private static long tailAll(ArangoClient client, String server, long from) {
        long markers = 0;
        long lastScanned = 0;
        while (true) {
            TailResult r =
                    client.tail(server, TailRequest.global(from, lastScanned, 8 << 20, 0), m -> {});
            markers += r.markers();
            if (r.lastIncluded() > 0) {
                from = r.lastIncluded();
            }
            lastScanned = r.lastScanned();
            if (!r.checkMore() || r.markers() == 0) {
                return markers;
            }
        }
    }
}
