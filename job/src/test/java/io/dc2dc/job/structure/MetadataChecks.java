package io.dc2dc.job.structure;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.check.ClusterContents;
import io.dc2dc.job.check.StructureDiff;
import io.dc2dc.job.check.StructureSnapshot;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
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
                    ClusterContents.readCollection(client, db, c)
                            .forEach((key, doc) -> out.put(db + "/" + c.name() + "/" + key, doc));
                }
            }
        }
        return out;
    }
}
