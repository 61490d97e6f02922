package io.dc2dc.job.bench;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.Batch;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.arango.http.DumpResult;
import io.dc2dc.arango.wire.BulkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's reference copy, run by {@link ReplicationBench} in a JVM of its own (as cold as
 * the job's): copies one collection from the source to the destination with dc2dc's own HTTP client
 * and nothing else — per shard a batch and its dump, in chunks of the job's default size, each
 * chunk written with bulk {@code isRestore} inserts of the sink's default batch size. No Flink, no
 * ordering state, no tail, no retries. It shows what copying the documents itself costs on this
 * machine, where both emulated clusters share its cores with the copier; the job's initial-sync
 * rate is compared with it.
 *
 * <p>Usage: {@code PlainCopy <source url> <destination url> <database> <collection> <target
 * database> <threads>}. The target collection must exist. Prints one line, {@code
 * plain_copy=<documents> <seconds> <cpu seconds> <jit cpu seconds>}, and exits 0; any failed item
 * or request ends it with 1.
 */
public final class PlainCopy {

    private static final int CHUNK_BYTES = 4 * 1024 * 1024; // sync.dump-chunk-size
    private static final int BATCH = 1000; // sink.batch-documents

    private PlainCopy() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println(
                    "usage: PlainCopy <source url> <destination url> <database> <collection>"
                            + " <target database> <threads>");
            System.exit(2);
        }
        String db = args[2];
        String collection = args[3];
        String targetDb = args[4];
        int threads = Integer.parseInt(args[5]);
        try (ArangoClient source = ReplicationBench.connect("source", args[0]);
                ArangoClient destination = ReplicationBench.connect("destination", args[1])) {
            CollectionInfo info =
                    source.collections(db).stream()
                            .filter(c -> c.name().equals(collection))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no collection " + db + "/" + collection));
            ConcurrentLinkedQueue<Map.Entry<String, List<String>>> shards =
                    new ConcurrentLinkedQueue<>(info.shards().entrySet());
            AtomicLong copied = new AtomicLong();
            long t0 = System.nanoTime();
            long cpu0 = ThreadCpu.ofThisProcess();
            double jit0 = compilerSeconds();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(
                        pool.submit(
                                () -> {
                                    Map.Entry<String, List<String>> shard;
                                    while ((shard = shards.poll()) != null) {
                                        copied.addAndGet(
                                                copyShard(
                                                        source,
                                                        destination,
                                                        db,
                                                        shard.getKey(),
                                                        shard.getValue().get(0),
                                                        targetDb,
                                                        collection));
                                    }
                                    return null;
                                }));
            }
            ReplicationBench.awaitAll(pool, workers);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "plain_copy=%d %.3f %.1f %.1f%n",
                    copied.get(),
                    seconds,
                    (ThreadCpu.ofThisProcess() - cpu0) / 1e9,
                    compilerSeconds() - jit0);
        }
        System.exit(0);
    }

    private static long copyShard(
            ArangoClient source,
            ArangoClient destination,
            String db,
            String shard,
            String leader,
            String targetDb,
            String collection) {
        Batch batch = source.createBatch(leader, db, Duration.ofMinutes(10), 0);
        long copied = 0;
        try {
            boolean more = true;
            while (more) {
                List<byte[]> docs = new ArrayList<>();
                DumpResult chunk =
                        source.dump(
                                leader,
                                db,
                                shard,
                                batch.id(),
                                CHUNK_BYTES,
                                d -> docs.add(d.bytes()));
                for (int from = 0; from < docs.size(); from += BATCH) {
                    BulkResult r =
                            destination.insertRestore(
                                    targetDb,
                                    collection,
                                    docs.subList(from, Math.min(docs.size(), from + BATCH)));
                    if (r.hasErrors()) {
                        throw new IllegalStateException(
                                "insert into " + targetDb + "/" + collection + " failed: " + r);
                    }
                }
                copied += docs.size();
                more = chunk.checkMore() && !docs.isEmpty();
            }
        } finally {
            source.deleteBatch(leader, db, batch.id());
        }
        return copied;
    }

    /** CPU seconds of this JVM's compiler threads so far (Linux; 0 elsewhere). */
    private static double compilerSeconds() {
        return ThreadCpu.seconds("C1 CompilerThre", "C2 CompilerThre");
    }
}
