package io.dc2dc.job.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.CollectionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two clusters collection by collection: document count and checksum (with revisions and
 * data) on both sides, and, only for collections where those differ, every document ({@link
 * ClusterContents}, {@link ContentDiff}) to list the differing keys. Equal counts and checksums are
 * taken as equal contents, so an equal cluster is checked without reading its documents.
 *
 * <p>With the job's settings ({@link #compare(ArangoClient, ArangoClient, ExpectedStructure)}), it
 * also runs the structure check ({@link StructureSnapshot}, {@link StructureDiff}) and leaves out
 * what the filter does not replicate.
 *
 * <p>The two sides are read one after the other, not at one instant: while a replication runs,
 * changes in flight show up as differences. Compare again (or drain first) before concluding.
 */
public final class ClusterComparison {

    /**
     * One collection, {@code database/collection}. A collection missing on one side has count -1
     * and checksum null there.
     */
    public record CollectionResult(
            String name,
            long sourceCount,
            long destinationCount,
            String sourceChecksum,
            String destinationChecksum,
            List<String> differences) {

        public boolean equal() {
            return differences.isEmpty();
        }
    }

    private final List<CollectionResult> collections;
    private final List<String> structureDifferences;

    private ClusterComparison(List<CollectionResult> collections, List<String> structure) {
        this.collections = List.copyOf(collections);
        this.structureDifferences = List.copyOf(structure);
    }

    /** Compares every user collection (system collections are left out) of both clusters. */
    public static ClusterComparison compare(ArangoClient source, ArangoClient destination) {
        return new ClusterComparison(contents(source, destination, name -> true), List.of());
    }

    /**
     * Compares the structure and the contents of what the job replicates: the structure check item
     * by item, then every replicated user collection.
     */
    public static ClusterComparison compare(
            ArangoClient source, ArangoClient destination, ExpectedStructure expected) {
        List<String> structure =
                StructureDiff.of(
                                expected.fromSource(StructureSnapshot.read(source)),
                                expected.onDestination(StructureSnapshot.read(destination)))
                        .differences();
        return new ClusterComparison(
                contents(source, destination, name -> expected.compared("collection " + name)),
                structure);
    }

    private static List<CollectionResult> contents(
            ArangoClient source,
            ArangoClient destination,
            java.util.function.Predicate<String> replicated) {
        Map<String, Side> s = inventory(source);
        Map<String, Side> d = inventory(destination);
        TreeSet<String> names = new TreeSet<>(s.keySet());
        names.addAll(d.keySet());
        names.removeIf(replicated.negate());
        List<CollectionResult> results = new ArrayList<>();
        for (String name : names) {
            results.add(compare(name, source, s.get(name), destination, d.get(name)));
        }
        return results;
    }

    public List<CollectionResult> collections() {
        return collections;
    }

    /** The structure check's differences, item by item (empty when it was not run). */
    public List<String> structureDifferences() {
        return structureDifferences;
    }

    public boolean equal() {
        return structureDifferences.isEmpty()
                && collections.stream().allMatch(CollectionResult::equal);
    }

    /** A collection as one cluster sees it. */
    private record Side(String database, CollectionInfo info, long count, String checksum) {}

    private static Map<String, Side> inventory(ArangoClient client) {
        Map<String, Side> out = new TreeMap<>();
        for (String db : client.databases()) {
            for (CollectionInfo c : client.collections(db)) {
                if (c.isSystem()) {
                    continue;
                }
                out.put(
                        db + "/" + c.name(),
                        new Side(
                                db,
                                c,
                                client.count(db, c.name()),
                                client.checksum(db, c.name(), true, true)));
            }
        }
        return out;
    }

    private static CollectionResult compare(
            String name, ArangoClient source, Side s, ArangoClient destination, Side d) {
        if (s == null) {
            return new CollectionResult(
                    name,
                    -1,
                    d.count(),
                    null,
                    d.checksum(),
                    List.of(name + ": only on the destination"));
        }
        if (d == null) {
            return new CollectionResult(
                    name,
                    s.count(),
                    -1,
                    s.checksum(),
                    null,
                    List.of(name + ": missing on the destination"));
        }
        if (s.count() == d.count() && s.checksum().equals(d.checksum())) {
            return new CollectionResult(
                    name, s.count(), d.count(), s.checksum(), d.checksum(), List.of());
        }
        Map<String, JsonNode> a = ClusterContents.readCollection(source, s.database(), s.info());
        Map<String, JsonNode> b =
                ClusterContents.readCollection(destination, d.database(), d.info());
        List<String> differences =
                new ArrayList<>(ContentDiff.of(Map.of(name, a), Map.of(name, b)).differences());
        if (differences.isEmpty()) {
            // the documents read equal but the checksums did not: it changed in between
            differences.add(
                    name
                            + ": count or checksum differ, but the documents read afterwards are"
                            + " equal (written to while compared?)");
        }
        return new CollectionResult(
                name, s.count(), d.count(), s.checksum(), d.checksum(), differences);
    }
}
