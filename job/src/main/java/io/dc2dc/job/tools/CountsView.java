package io.dc2dc.job.tools;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.CollectionInfo;
import java.util.List;

/**
 * Prints, every two seconds, the document count of each user collection on both clusters (the
 * demo's live view until the {@code dc2dc status} command replaces it). Runs until killed.
 *
 * <p>Usage: {@code CountsView <source-url> <destination-url>}
 */
public final class CountsView {

    private CountsView() {}

    public static void main(String[] args) throws InterruptedException {
        try (ArangoClient source =
                        ArangoClient.connect(
                                ClusterSpec.unauthenticated("source", List.of(args[0])));
                ArangoClient destination =
                        ArangoClient.connect(
                                ClusterSpec.unauthenticated("destination", List.of(args[1])))) {
            while (true) {
                StringBuilder line = new StringBuilder("counts (source → destination):");
                try {
                    for (String db : source.databases()) {
                        for (CollectionInfo c : source.collections(db)) {
                            if (c.isSystem()) {
                                continue;
                            }
                            long s = source.count(db, c.name());
                            long d;
                            try {
                                d = destination.count(db, c.name());
                            } catch (RuntimeException e) {
                                d = 0;
                            }
                            line.append(String.format("  %s/%s %d → %d", db, c.name(), s, d));
                        }
                    }
                } catch (RuntimeException e) {
                    line.append(" (").append(e.getMessage()).append(')');
                }
                System.out.println(line);
                Thread.sleep(2000);
            }
        }
    }
}
