package io.dc2dc.emulator.conformance;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Replays of the stream-transaction transcripts and of the WAL-access / logger-state transcripts.
 *
 * <p>The WAL recordings come from a single server; in a cluster these endpoints are served by the
 * DB-servers only (coordinators answer 501), so they are replayed against the DB-server that leads
 * the example collection's shard, with a superuser JWT, as dc2dc's tailer does.
 */
final class TransactionAndWalScenarios {

    private static final String PRODUCTS = "products";
    private static final String READ_PRODUCTS = "{'collections':{'read':'products'}}";

    private TransactionAndWalScenarios() {}

    static List<Scenario> all() {
        return List.of(
                // --- stream transactions ---
                Scenario.of("RestTransactionBeginSingle.txt", Area.TRANSACTIONS)
                        .setup(ctx -> recreateProducts(ctx.fixture))
                        .cleanup(TransactionAndWalScenarios::abortAllAndDrop),
                Scenario.of("RestTransactionBeginNonExisting.txt", Area.TRANSACTIONS)
                        .setup(ctx -> ctx.fixture.dropCollection(PRODUCTS)),
                runningTransaction("RestTransactionGet.txt"),
                runningTransaction("RestTransactionBeginAbort.txt"), // PUT: commits
                runningTransaction("RestTransactionBeginCommit.txt"), // DELETE: aborts
                Scenario.of("RestTransactionsGet.txt", Area.TRANSACTIONS)
                        .setup(
                                ctx -> {
                                    TransactionAndWalScenarios.abortAllAndDrop(ctx.fixture);
                                    ctx.fixture.createCollection(PRODUCTS);
                                    ctx.fixture.beginTransaction(READ_PRODUCTS);
                                })
                        .cleanup(TransactionAndWalScenarios::abortAllAndDrop),
                // --- WAL and logger state on a DB-server ---
                onAnyDbServer("RestWalAccessFirstTick.txt"),
                onAnyDbServer("RestWalAccessTickRange.txt"),
                onAnyDbServer("RestReplicationLoggerStateActive.txt")
                        .rules(
                                r ->
                                        r.anyLength(
                                                "$.clients",
                                                "tailing clients registered by other tests"
                                                        + " may still be listed (TTL)")),
                Scenario.of("RestWalAccessTailingEmpty.txt", Area.WAL)
                        .setup(
                                ctx -> {
                                    URI server = ctx.fixture.dbServers().values().iterator().next();
                                    ctx.bind(
                                            ctx.transcript
                                                    .request(0)
                                                    .queryParameter("from")
                                                    .orElseThrow(),
                                            ctx.fixture.lastLogTick(server));
                                    ctx.replayOnDbServer(server);
                                }),
                tailAfterChanges("RestWalAccessTailingSome.txt"),
                tailAfterChanges("RestWalAccessTailingBufferLimit.txt"));
    }

    private static void recreateProducts(Fixture f) {
        f.dropCollection(PRODUCTS);
        f.createCollection(PRODUCTS);
    }

    private static void abortAllAndDrop(Fixture f) {
        f.call("GET", "/_api/transaction", null, 200)
                .path("transactions")
                .forEach(
                        t -> {
                            if ("running".equals(t.path("state").asText())) {
                                f.abortTransaction(t.path("id").asText());
                            }
                        });
        f.dropCollection(PRODUCTS);
    }

    /** {@code db._createTransaction({collections: {read: "products"}})}, its id bound. */
    private static Scenario runningTransaction(String file) {
        return Scenario.of(file, Area.TRANSACTIONS)
                .setup(
                        ctx -> {
                            recreateProducts(ctx.fixture);
                            ctx.bind(
                                    ctx.recordedKey(0),
                                    ctx.fixture.beginTransaction(READ_PRODUCTS));
                        })
                .cleanup(TransactionAndWalScenarios::abortAllAndDrop);
    }

    private static Scenario onAnyDbServer(String file) {
        return Scenario.of(file, Area.WAL)
                .setup(
                        ctx ->
                                ctx.replayOnDbServer(
                                        ctx.fixture.dbServers().values().iterator().next()));
    }

    /**
     * The example's changes (create, two inserts, remove, update, drop) after noting every
     * DB-server's last tick; the tail then reads from the leader of {@code products}'s shard.
     */
    private static Scenario tailAfterChanges(String file) {
        return Scenario.of(file, Area.WAL)
                .setup(
                        ctx -> {
                            Fixture f = ctx.fixture;
                            f.dropCollection(PRODUCTS);
                            Map<URI, String> ticks = new java.util.HashMap<>();
                            f.dbServers().values().forEach(s -> ticks.put(s, f.lastLogTick(s)));
                            f.createCollection(PRODUCTS, "{'numberOfShards':1}");
                            URI leader = f.leaderOf(PRODUCTS);
                            f.insert(PRODUCTS, "{'_key':'p1','name':'flux compensator'}");
                            f.insert(
                                    PRODUCTS, "{'_key':'p2','name':'hybrid hovercraft','hp':5100}");
                            f.remove(PRODUCTS, "p1");
                            f.call(
                                    "PATCH",
                                    "/_api/document/products/p2",
                                    Fixture.json("{'name':'broken hovercraft'}"),
                                    201,
                                    202);
                            f.dropCollection(PRODUCTS);
                            ctx.bind(
                                    ctx.transcript.request(0).queryParameter("from").orElseThrow(),
                                    ticks.get(leader));
                            ctx.replayOnDbServer(leader);
                        })
                .cleanup(f -> f.dropCollection(PRODUCTS));
    }
}
