package io.dc2dc.job.tools;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.check.ContentDiff;
import java.util.List;

/**
 * Compares every document and {@code _rev} of two clusters without authentication (emulated
 * clusters of the demo and benchmarks), optionally waiting until they are equal. Exit code 0 if
 * equal, 1 if not, 2 on bad usage.
 *
 * <p>Usage: {@code ContentCheck <source-url> <destination-url> [--wait <seconds>]}
 */
public final class ContentCheck {

    private ContentCheck() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 && !(args.length == 4 && "--wait".equals(args[2]))) {
            System.err.println(
                    "usage: ContentCheck <source-url> <destination-url> [--wait <seconds>]");
            System.exit(2);
        }
        long waitSeconds = args.length == 4 ? Long.parseLong(args[3]) : 0;
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        try (ArangoClient source =
                        ArangoClient.connect(
                                ClusterSpec.unauthenticated("source", List.of(args[0])));
                ArangoClient destination =
                        ArangoClient.connect(
                                ClusterSpec.unauthenticated("destination", List.of(args[1])))) {
            while (true) {
                var s = ClusterContents.read(source);
                ContentDiff diff = ContentDiff.of(s, ClusterContents.read(destination));
                long docs = s.values().stream().mapToLong(m -> m.size()).sum();
                if (diff.isEmpty()) {
                    System.out.printf(
                            "check: destination equals source: %d collections, %d documents, every _rev equal%n",
                            s.size(), docs);
                    System.exit(0);
                }
                if (System.nanoTime() > deadline) {
                    System.out.println(
                            "check: destination differs from source; " + diff.summary(20));
                    System.exit(1);
                }
                Thread.sleep(1000);
            }
        }
    }
}
