package io.dc2dc.job.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.Batch;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.check.StructureDiff;
import io.dc2dc.job.check.StructureSnapshot;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Waits of the metadata ITCases: the structure check ({@link StructureSnapshot}, {@link
 * StructureDiff}) finding nothing different, and the documents of chosen system collections ({@code
 * _graphs}, {@code _apps}, …) of every database, read shard by shard under a batch like the data
 * path reads them, being equal, revisions included. The structure check compares what the APIs
 * show; the documents are what is stored.
 */
final class MetadataChecks {

    private static final long CHECK_SYNCER_ID = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataChecks() {}

    /** Waits until the structure check finds no difference between the two clusters. */
    static void awaitSameStructure(Emulator source, Emulator destination, Duration timeout) {
        try (ArangoClient s = ArangoClient.connect(Replication.spec("source", source));
                ArangoClient d =
                        ArangoClient.connect(Replication.spec("destination", destination))) {
            Waits.until(
                    "the structure check to find the destination equal to the source",
                    timeout,
                    () -> differences(s, d).isEmpty(),
                    () -> String.join("\n", differences(s, d)));
        }
    }

    static java.util.List<String> differences(ArangoClient s, ArangoClient d) {
        return StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(d)).differences();
    }

    /**
     * Waits until the destination's documents of {@code collections} equal the source's in every
     * database; fails if the source holds fewer than {@code atLeast} of them (a comparison of
     * nothing would pass trivially).
     */
    static void awaitSameDocuments(
            Emulator source,
            Emulator destination,
            Set<String> collections,
            int atLeast,
            Duration timeout) {
        try (ArangoClient s = ArangoClient.connect(Replication.spec("source", source));
                ArangoClient d =
                        ArangoClient.connect(Replication.spec("destination", destination))) {
            Waits.until(
                    "the destination's " + collections + " documents to equal the source's",
                    timeout,
                    () -> {
                        Map<String, JsonNode> a = read(s, collections);
                        return a.size() >= atLeast && a.equals(read(d, collections));
                    },
                    () ->
                            "source "
                                    + read(s, collections)
                                    + "\ndestination "
                                    + read(d, collections));
        }
    }

    /** {@code database/collection/key → document} for the named collections. */
    static Map<String, JsonNode> read(ArangoClient client, Set<String> collections) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (String db : client.databases()) {
            for (CollectionInfo c : client.collections(db)) {
                if (collections.contains(c.name())) {
                    readCollection(client, db, c, out);
                }
            }
        }
        return out;
    }

    private static void readCollection(
            ArangoClient client, String db, CollectionInfo c, Map<String, JsonNode> out) {
        for (Map.Entry<String, java.util.List<String>> shard : c.shards().entrySet()) {
            String leader = shard.getValue().get(0);
            Batch batch = client.createBatch(leader, db, Duration.ofMinutes(1), CHECK_SYNCER_ID);
            try {
                boolean more = true;
                while (more) {
                    int[] n = {0};
                    more =
                            client.dump(
                                                    leader,
                                                    db,
                                                    shard.getKey(),
                                                    batch.id(),
                                                    1 << 20,
                                                    doc -> {
                                                        out.put(
                                                                db + "/" + c.name() + "/"
                                                                        + doc.key(),
                                                                parse(doc.bytes()));
                                                        n[0]++;
                                                    })
                                            .checkMore()
                                    && n[0] > 0;
                }
            } finally {
                try {
                    client.deleteBatch(leader, db, batch.id());
                } catch (ArangoException e) {
                    // the batch expires by itself
                }
            }
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
