package io.dc2dc.emulator.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every recorded transcript's fate: replayed by a {@link Scenario}, or skipped for a stated reason.
 * {@code ConformanceCatalogTest} keeps this complete and in step with {@code
 * emulator/CONFORMANCE.md}.
 */
final class TranscriptCatalog {

    private static final String V311 = "docs-hugo-3.11/";
    private static final String V312 = Scenario.DEFAULT_DIR + "/";

    private static final String NOT_USED = "not used by dc2dc";
    private static final String JS_TRANSACTION =
            "JavaScript transaction (POST /_api/transaction with an action): server-side JS is not"
                    + " emulated; dc2dc uses stream transactions";
    private static final String TASKS = "server-side JavaScript tasks: not emulated; " + NOT_USED;
    private static final String ENTERPRISE = "Enterprise-only graph kind";
    private static final String STORAGE = "storage maintenance; " + NOT_USED;
    private static final String LOGGER =
            "deprecated logger API, gone from the 3.12 docs; dc2dc tails /_api/wal/tail";
    private static final String APPLIER =
            "replication applier (server-level async replication), gone from the 3.12 docs; "
                    + NOT_USED;

    private TranscriptCatalog() {}

    /** Every replayed transcript, in report order. */
    static List<Scenario> scenarios() {
        return Stream.of(
                        CollectionScenarios.all(),
                        DocumentScenarios.all(),
                        TransactionAndWalScenarios.all(),
                        QuotedScenarios.all(),
                        IndexAndViewScenarios.all(),
                        UserAndGraphScenarios.all(),
                        GraphScenarios.all())
                .flatMap(List::stream)
                .toList();
    }

    /**
     * Transcripts not replayed, with the reason; 3.11 duplicates are handled by {@link #status}.
     */
    static Map<String, String> skipped() {
        Map<String, String> s = new LinkedHashMap<>();
        for (String f :
                List.of("RestAccessTokenCreate", "RestAccessTokenDelete", "RestAccessTokenList")) {
            s.put(V312 + f + ".txt", "3.12 per-user access tokens; " + NOT_USED);
        }
        s.put(
                V312 + "RestAdminSupportInfo.txt",
                "single-server variant; RestAdminSupportInfo_cluster is replayed");
        s.put(
                V312 + "RestEndpointGet.txt",
                "single-server only (deprecated /_api/endpoint; a cluster lists coordinators under"
                        + " /_api/cluster/endpoints, not recorded)");
        for (String f :
                List.of(
                        "RestApiCollectionCompact",
                        "RestCollectionIdentifierLoad",
                        "RestCollectionIdentifierUnload",
                        "RestCollectionIdentifierLoadIndexesIntoMemory")) {
            s.put(V312 + f + ".txt", STORAGE);
        }
        s.put(V312 + "RestCollectionGetCollectionFigures.txt", "storage figures; " + NOT_USED);
        s.put(
                V312 + "RestCollectionGetCollectionFiguresDetails.txt",
                "storage figures; " + NOT_USED);
        s.put(V312 + "RestCollectionGetKeyGenerators.txt", NOT_USED);
        s.put(
                V312 + "RestViewPutRename.txt",
                "single-server only: \"Renaming Views is not supported in cluster deployments\""
                        + " (docs-hugo, Rename a View); the emulator answers 501/1470");
        s.put(
                V312 + "RestCollectionIdentifierRename.txt",
                "single-server only: a coordinator refuses to rename a collection (501, errorNum 1470;"
                        + " arangod Collections::rename), and so does the emulator");
        for (String f :
                List.of(
                        "CreateDisjointSmart",
                        "CreateEnterprise",
                        "CreateSatellite",
                        "CreateSmart",
                        "CreateSmartWithSatellites")) {
            s.put(V312 + "HttpGharial" + f + ".txt", ENTERPRISE);
        }
        for (String f :
                List.of(
                        "Create",
                        "Delete",
                        "DeleteFail",
                        "ListAll",
                        "ListNonExisting",
                        "ListOne",
                        "PutWithId")) {
            s.put(V312 + "RestTasks" + f + ".txt", TASKS);
        }
        for (String f : List.of("Abort", "AbortInternal", "Multi", "NonExisting", "Single")) {
            s.put(V312 + "RestTransaction" + f + ".txt", JS_TRANSACTION);
        }
        s.put(
                V311 + "RestIndexCreateNewZkd.txt",
                "zkd index, renamed mdi in 3.12: RestIndexCreateNewMdi is replayed");
        for (String f :
                List.of(
                        "GetConfig",
                        "SetConfig",
                        "Start",
                        "StateNotRunning",
                        "StateRunning",
                        "Stop")) {
            s.put(V311 + "RestReplicationApplier" + f + ".txt", APPLIER);
        }
        for (String f :
                List.of(
                        "LoggerFirstTick",
                        "LoggerFollowBufferLimit",
                        "LoggerFollowEmpty",
                        "LoggerFollowSome",
                        "LoggerTickRanges")) {
            s.put(V311 + "RestReplication" + f + ".txt", LOGGER);
        }
        s.put(V311 + "RestReplicationServerId.txt", NOT_USED);
        return s;
    }

    /**
     * {@code covered (<area>)} or {@code skipped: <reason>} for a transcript id; a 3.11 recording
     * of an example that 3.12 also recorded defers to the 3.12 file.
     */
    static String status(String id, Map<String, Scenario> scenarios, Map<String, String> skipped) {
        Scenario scenario = scenarios.get(id);
        if (scenario != null) {
            return "covered (" + scenario.area.title() + ")";
        }
        String reason = skipped.get(id);
        if (reason != null) {
            return "skipped: " + reason;
        }
        if (id.startsWith(V311)) {
            String newer = V312 + id.substring(V311.length());
            if (scenarios.containsKey(newer)) {
                return "skipped: 3.11 recording; the 3.12 recording of this example is replayed";
            }
            if (skipped.containsKey(newer)) {
                return "skipped: 3.11 recording; the 3.12 one is skipped too ("
                        + skipped.get(newer)
                        + ")";
            }
        }
        return null;
    }
}
