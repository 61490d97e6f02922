package io.dc2dc.arango.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Throughput of the streaming dump and WAL parsers on in-memory bodies (no network): prints {@code
 * dump_small_docs_per_s=... dump_small_mb_per_s=... dump_large_mb_per_s=...
 * tail_markers_per_s=...}. Run by hand: {@code java -cp <test classpath>
 * io.dc2dc.arango.wire.ParserBench}; not part of the test suite.
 */
public final class ParserBench {

    private ParserBench() {}

    public static void main(String[] args) throws IOException {
        byte[] small = dumpBody(200_000, 500);
        byte[] large = dumpBody(200, 1 << 20);
        byte[] tail = tailBody(200_000, 500);
        for (int warmup = 0; warmup < 3; warmup++) {
            dump(small);
            dump(large);
            tail(tail);
        }
        double[] s = best(() -> dump(small), small.length, 200_000);
        double[] l = best(() -> dump(large), large.length, 200);
        double[] t = best(() -> tail(tail), tail.length, 200_000);
        System.out.printf(
                Locale.ROOT,
                "dump_small_docs_per_s=%.0f dump_small_mb_per_s=%.0f dump_large_mb_per_s=%.0f"
                        + " tail_markers_per_s=%.0f tail_mb_per_s=%.0f%n",
                s[0],
                s[1],
                l[1],
                t[0],
                t[1]);
    }

    private interface Run {
        void run() throws IOException;
    }

    /** Best of five: {records per second, MB per second}. */
    private static double[] best(Run run, long bytes, long records) throws IOException {
        long bestNanos = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            run.run();
            bestNanos = Math.min(bestNanos, System.nanoTime() - start);
        }
        double seconds = bestNanos / 1e9;
        return new double[] {records / seconds, bytes / 1e6 / seconds};
    }

    private static void dump(byte[] body) throws IOException {
        long[] sum = {0};
        DumpStreamParser.parse(new ByteArrayInputStream(body), d -> sum[0] += d.bytes().length);
    }

    private static void tail(byte[] body) throws IOException {
        long[] sum = {0};
        WalStreamParser.parse(new ByteArrayInputStream(body), m -> sum[0] += m.rev());
    }

    private static String document(int i, int size) {
        StringBuilder sb =
                new StringBuilder(size + 100)
                        .append("{\"_key\":\"k")
                        .append(i)
                        .append("\",\"_id\":\"c/k")
                        .append(i)
                        .append("\",\"_rev\":\"_l6zhVTu---\",\"n\":")
                        .append(i)
                        .append(",\"tags\":[\"a\",\"b\"],\"text\":\"");
        while (sb.length() < size - 2) {
            sb.append("lorem ipsum ");
        }
        return sb.append("\"}").toString();
    }

    private static byte[] dumpBody(int docs, int size) {
        StringBuilder sb = new StringBuilder(docs * (size + 1));
        for (int i = 0; i < docs; i++) {
            sb.append(document(i, size)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tailBody(int markers, int size) {
        StringBuilder sb = new StringBuilder(markers * (size + 100));
        for (int i = 0; i < markers; i++) {
            sb.append("{\"tick\":\"")
                    .append(1_000_000 + i)
                    .append(
                            "\",\"type\":2300,\"db\":\"shop\",\"cuid\":\"c1/s2\",\"tid\":\"0\",\"data\":")
                    .append(document(i, size))
                    .append("}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
