package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.dc2dc.arango.auth.SecretRef;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.arango.wire.RawDocument;
import io.dc2dc.arango.wire.WalMarker;
import io.dc2dc.emulator.http.PortReservation;
import io.dc2dc.emulator.junit.TestPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client sends and how it reads answers, against scripted HTTP servers standing in for a
 * coordinator and a DB-server (real HTTP on free ports).
 */
class ArangoClientStubITCase {

    @TempDir Path dir;

    private StubServer coordinator;
    private StubServer dbServer;
    private ArangoClient client;

    @BeforeEach
    void start() throws IOException {
        coordinator = new StubServer();
        dbServer = new StubServer();
        coordinator.on(
                "GET",
                "/_db/_system/_admin/cluster/health",
                StubServer.Reply.json(
                        200,
                        "{\"Health\":{\"PRMR-1\":{\"Endpoint\":\"tcp://127.0.0.1:"
                                + dbServer.port()
                                + "\",\"Role\":\"DBServer\",\"Status\":\"GOOD\"},"
                                + "\"CRDN-1\":{\"Endpoint\":\"tcp://127.0.0.1:"
                                + coordinator.port()
                                + "\",\"Role\":\"Coordinator\",\"Status\":\"GOOD\"}},"
                                + "\"ClusterId\":\"x\",\"error\":false,\"code\":200}"));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        coordinator.close();
        dbServer.close();
    }

    private ArangoClient connect(String user, SecretRef password, SecretRef jwt, String... urls) {
        List<String> endpoints = urls.length == 0 ? List.of(coordinator.url()) : List.of(urls);
        client =
                ArangoClient.connect(
                        new ClusterSpec(
                                "source",
                                endpoints,
                                user,
                                password,
                                jwt,
                                null,
                                Duration.ofSeconds(5)));
        return client;
    }

    private SecretRef file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return SecretRef.file(f.toString());
    }

    @Test
    void coordinatorsGetBasicAuthAndDbServersTheSuperuserJwt() throws IOException {
        connect("root", file("pw", "secret-pw\n"), file("jwt", "cluster-secret"));
        coordinator.on(
                "GET",
                "/_db/_system/_api/database",
                StubServer.Reply.json(
                        200, "{\"error\":false,\"code\":200,\"result\":[\"_system\",\"shop\"]}"));
        dbServer.on(
                "GET",
                "/_db/_system/_api/wal/lastTick",
                StubServer.Reply.json(200, "{\"time\":\"t\",\"tick\":\"184777\",\"server\":{}}"));

        assertThat(client.databases()).containsExactly("_system", "shop");
        assertThat(client.lastTick("PRMR-1")).isEqualTo(184777);

        // with a JWT secret the superuser token is used everywhere
        String coordAuth = coordinator.last().header("authorization");
        String dbAuth = dbServer.last().header("authorization");
        for (String header : List.of(coordAuth, dbAuth)) {
            assertThat(header).startsWith("bearer ");
            JWT.require(Algorithm.HMAC256("cluster-secret"))
                    .withIssuer("arangodb")
                    .withClaim("server_id", "dc2dc")
                    .build()
                    .verify(header.substring(7));
        }
    }

    @Test
    void basicAuthWithoutJwtSecret() throws IOException {
        connect("root", file("pw", "secret-pw\n"), SecretRef.none());
        coordinator.on(
                "GET",
                "/_db/_system/_admin/server/role",
                StubServer.Reply.json(
                        200,
                        "{\"error\":false,\"code\":200,\"role\":\"COORDINATOR\",\"mode\":\"default\"}"));
        assertThat(client.serverRole()).isEqualTo("COORDINATOR");
        assertThat(coordinator.last().header("authorization"))
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("root:secret-pw".getBytes()));
    }

    @Test
    void errorEnvelopesBecomeExceptionsWithContext() {
        connect("root", SecretRef.none(), SecretRef.none());
        coordinator.on(
                "GET",
                "/_db/shop/_api/collection/or%20ders/count",
                StubServer.Reply.json(
                        404,
                        "{\"code\":404,\"error\":true,\"errorMessage\":\"collection or view not"
                                + " found: or ders\",\"errorNum\":1203}"));
        assertThatThrownBy(() -> client.count("shop", "or ders"))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(404);
                            assertThat(e.errorNum()).isEqualTo(1203);
                            assertThat(e.isTransient()).isFalse();
                            assertThat(e.context().collection()).isEqualTo("or ders");
                            assertThat(e.endpoint()).isEqualTo(coordinator.url());
                            assertThat(e.getMessage())
                                    .contains(
                                            "GET "
                                                    + coordinator.url()
                                                    + "/_db/shop/_api/collection/or%20ders/count");
                        });
    }

    @Test
    void unauthorizedNamesWhatToCheckButNoSecret() throws IOException {
        connect("root", file("pw", "hunter2"), SecretRef.none());
        coordinator.on(
                "GET",
                "/_db/_system/_api/database",
                StubServer.Reply.json(
                        401,
                        "{\"code\":401,\"error\":true,\"errorMessage\":\"not authorized to execute"
                                + " this request\",\"errorNum\":401}"));
        assertThatThrownBy(() -> client.databases())
                .isInstanceOf(ArangoException.class)
                .hasMessageContaining("Check the credentials configured for cluster 'source'")
                .hasMessageContaining("basic auth as user 'root'")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining(
                        Base64.getEncoder().encodeToString("root:hunter2".getBytes()));
    }

    @Test
    void gatewayErrorsWithHtmlBodiesAreTransient() {
        connect(null, null, null);
        coordinator.on(
                "GET",
                "/_db/_system/_api/version",
                new StubServer.Reply(
                        502,
                        Map.of("content-type", "text/html"),
                        "<html><body>Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> client.version())
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.isTransient()).isTrue();
                            assertThat(e.serverMessage()).contains("Bad Gateway");
                        });
    }

    @Test
    void movesToTheNextCoordinatorWhenOneIsUnreachable() throws IOException {
        try (PortReservation refused = TestPorts.refusing()) {
            int closedPort = refused.port();
            connect(null, null, null, "http://127.0.0.1:" + closedPort, coordinator.url());
            coordinator.on(
                    "GET",
                    "/_db/_system/_api/version",
                    StubServer.Reply.json(
                            200,
                            "{\"server\":\"arango\",\"version\":\"3.12.4\",\"license\":\"community\","
                                    + "\"details\":{\"role\":\"COORDINATOR\"}}"));
            assertThatThrownBy(() -> client.version())
                    .isInstanceOfSatisfying(
                            ArangoException.class,
                            e -> {
                                assertThat(e.isTransient()).isTrue();
                                assertThat(e.httpStatus()).isZero();
                                assertThat(e.endpoint()).endsWith(":" + closedPort);
                            });
            VersionInfo v = client.version();
            assertThat(v)
                    .isEqualTo(new VersionInfo("arango", "3.12.4", "community", "COORDINATOR"));
            assertThat(v.major()).isEqualTo(3);
            assertThat(v.minor()).isEqualTo(12);
        }
    }

    @Test
    void dumpsStreamDocumentsAndReadHeaders() throws IOException {
        connect(null, null, file("jwt", "s"));
        String d1 = "{\"_key\":\"a\",\"_id\":\"c/a\",\"_rev\":\"_l6zhVTu---\",\"v\":1}";
        String d2 = "{\"_key\":\"b\",\"_id\":\"c/b\",\"_rev\":\"_l6zhVTu--_\",\"v\":\"ü\"}";
        dbServer.on(
                "GET",
                "/_db/shop/_api/replication/dump",
                new StubServer.Reply(
                        200,
                        Map.of(
                                "content-type", "application/x-arango-dump",
                                "x-arango-replication-checkmore", "true",
                                "x-arango-replication-lastincluded", "1"),
                        (d1 + "\n" + d2 + "\n").getBytes(StandardCharsets.UTF_8)));
        List<RawDocument> docs = new ArrayList<>();
        DumpResult r = client.dump("PRMR-1", "shop", "s100", "77", 1 << 20, docs::add);
        assertThat(r)
                .isEqualTo(
                        new DumpResult(
                                200,
                                true,
                                1,
                                2,
                                (d1 + "\n" + d2 + "\n").getBytes(StandardCharsets.UTF_8).length));
        assertThat(docs).extracting(RawDocument::json).containsExactly(d1, d2);
        assertThat(docs.get(1).rev()).isEqualTo(Revisions.decode("_l6zhVTu--_"));
        StubServer.Request req = dbServer.last();
        assertThat(req.query())
                .isEqualTo("collection=s100&batchId=77&chunkSize=1048576&useEnvelope=false");
        assertThat(req.header("accept")).isEqualTo("application/x-arango-dump");
    }

    @Test
    void emptyDumpChunksAre204() throws IOException {
        connect(null, null, file("jwt", "s"));
        dbServer.on(
                "GET",
                "/_db/shop/_api/replication/dump",
                new StubServer.Reply(
                        204,
                        Map.of(
                                "x-arango-replication-checkmore", "false",
                                "x-arango-replication-lastincluded", "0"),
                        new byte[0]));
        DumpResult r = client.dump("PRMR-1", "shop", "s100", "77", 0, d -> {});
        assertThat(r).isEqualTo(new DumpResult(204, false, 0, 0, 0));
        assertThat(dbServer.last().query())
                .isEqualTo("collection=s100&batchId=77&useEnvelope=false");
    }

    @Test
    void tailsReadAllReplicationHeaders() throws IOException {
        connect(null, null, file("jwt", "s"));
        String marker =
                "{\"tick\":\"184793\",\"type\":2300,\"db\":\"shop\",\"cuid\":\"c1/s100\",\"tid\":\"0\","
                        + "\"data\":{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\"}}\n";
        dbServer.on(
                "GET",
                "/_db/_system/_api/wal/tail",
                new StubServer.Reply(
                        200,
                        Map.of(
                                "content-type", "application/x-arango-dump",
                                "x-arango-replication-checkmore", "true",
                                "x-arango-replication-frompresent", "true",
                                "x-arango-replication-lastincluded", "184793",
                                "x-arango-replication-lastscanned", "184819",
                                "x-arango-replication-lasttick", "184820"),
                        marker.getBytes(StandardCharsets.UTF_8)));
        List<WalMarker> markers = new ArrayList<>();
        TailResult r =
                client.tail(
                        "PRMR-1", TailRequest.global(184777, 184776, 1 << 20, 4711), markers::add);
        assertThat(r)
                .isEqualTo(
                        new TailResult(
                                200, 184793, 184819, 184820, true, true, 1, marker.length()));
        assertThat(markers).extracting(WalMarker::key).containsExactly("a");
        assertThat(dbServer.last().query())
                .isEqualTo(
                        "global=true&from=184777&lastScanned=184776&chunkSize=1048576&syncerId=4711"
                                + "&clientInfo=dc2dc");
    }

    @Test
    void aTailWithoutFromPresentIsAProtocolError() throws IOException {
        connect(null, null, file("jwt", "s"));
        dbServer.on(
                "GET",
                "/_db/shop/_api/wal/tail",
                new StubServer.Reply(
                        204,
                        Map.of(
                                "x-arango-replication-checkmore", "false",
                                "x-arango-replication-lastincluded", "0"),
                        new byte[0]));
        assertThatThrownBy(
                        () ->
                                client.tail(
                                        "PRMR-1",
                                        TailRequest.shard("shop", "s100", 5, 0, 0, 0),
                                        m -> {}))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.isTransient()).isFalse();
                            assertThat(e.serverMessage())
                                    .contains("x-arango-replication-frompresent");
                            assertThat(e.context().shard()).isEqualTo("s100");
                        });
    }

    @Test
    void aFailingConsumerAbortsTheCallButNotTheClient() throws IOException {
        connect(null, null, file("jwt", "s"));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append("{\"_key\":\"k").append(i).append("\",\"_rev\":\"_l6zhVTu---\"}\n");
        }
        dbServer.on(
                "GET",
                "/_db/shop/_api/replication/dump",
                new StubServer.Reply(
                        200,
                        Map.of(
                                "content-type", "application/x-arango-dump",
                                "x-arango-replication-checkmore", "false",
                                "x-arango-replication-lastincluded", "1"),
                        body.toString().getBytes(StandardCharsets.UTF_8)));
        IllegalStateException stop = new IllegalStateException("buffer full");
        assertThatThrownBy(
                        () ->
                                client.dump(
                                        "PRMR-1",
                                        "shop",
                                        "s1",
                                        "1",
                                        0,
                                        d -> {
                                            if (d.key().equals("k10")) {
                                                throw stop;
                                            }
                                        }))
                .isSameAs(stop);
        int[] n = {0};
        client.dump("PRMR-1", "shop", "s1", "1", 0, d -> n[0]++);
        assertThat(n[0]).isEqualTo(20_000);
    }

    @Test
    void closingTheClientAbortsACallBlockedOnAnotherThread() throws Exception {
        connect(null, null, file("jwt", "s"));
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        dbServer.on(
                "GET",
                "/_db/_system/_api/wal/tail",
                r -> {
                    arrived.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS); // a server that does not answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("test over");
                });
        CompletableFuture<TailResult> call =
                CompletableFuture.supplyAsync(
                        () -> client.tail("PRMR-1", TailRequest.global(1, 0, 0, 0), m -> {}));
        try {
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            client.close();
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ArangoException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void batchesAreCreatedExtendedAndDeletedIgnoringUnknownOnes() throws IOException {
        connect(null, null, file("jwt", "s"));
        dbServer.on(
                "POST",
                "/_db/shop/_api/replication/batch",
                StubServer.Reply.json(200, "{\"id\":\"42\",\"lastTick\":\"7312230\"}"));
        dbServer.on(
                "PUT",
                "/_db/shop/_api/replication/batch/42",
                new StubServer.Reply(204, Map.of(), new byte[0]));
        dbServer.on(
                "DELETE",
                "/_db/shop/_api/replication/batch/42",
                StubServer.Reply.json(
                        404,
                        "{\"code\":404,\"error\":true,\"errorMessage\":\"cursor not found\",\"errorNum\":1600}"));

        Batch b = client.createBatch("PRMR-1", "shop", Duration.ofMinutes(10), 4711);
        assertThat(b).isEqualTo(new Batch("42", 7312230));
        assertThat(dbServer.last().bodyText()).isEqualTo("{\"ttl\":600}");
        assertThat(dbServer.last().query()).isEqualTo("syncerId=4711&clientInfo=dc2dc");
        client.extendBatch("PRMR-1", "shop", "42", Duration.ofSeconds(90));
        assertThat(dbServer.last().bodyText()).isEqualTo("{\"ttl\":90}");
        client.deleteBatch("PRMR-1", "shop", "42"); // 1600: already gone, ignored
        assertThat(dbServer.last().method()).isEqualTo("DELETE");
    }

    @Test
    void unknownDbServersAreReportedByName() {
        connect(null, null, null);
        assertThatThrownBy(() -> client.lastTick("PRMR-404"))
                .isInstanceOf(ArangoException.class)
                .hasMessageContaining("DB-server PRMR-404 is not listed");
    }

    @Test
    void insertRestoreSendsDocumentsVerbatimAndParsesItemErrors() {
        connect(null, null, null);
        coordinator.on(
                "POST",
                "/_db/shop/_api/document/orders",
                r ->
                        new StubServer.Reply(
                                202,
                                Map.of(
                                        "content-type", "application/json",
                                        "x-arango-error-codes", "{\"1210\":1}"),
                                ("[{\"_id\":\"orders/a\",\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\"},"
                                                + "{\"error\":true,\"errorNum\":1210,\"errorMessage\":"
                                                + "\"unique constraint violated\"}]")
                                        .getBytes(StandardCharsets.UTF_8)));
        List<byte[]> docs =
                utf8(
                        "{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\",\"x\":1}",
                        "{\"_key\":\"b\",\"_rev\":\"_l6zhVTu--_\",\"u\":\"é\"}");
        BulkResult r = client.insertRestore("shop", "orders", docs);
        assertThat(r.succeeded()).isEqualTo(1);
        assertThat(r.errors())
                .containsExactly(
                        new BulkResult.ItemError(1, "b", 1210, "unique constraint violated"));
        assertThat(r.errorCodes()).isEqualTo(Map.of(1210, 1));
        // The silent attempt's answer was not empty, so the batch went again without silent.
        assertThat(writes())
                .extracting(StubServer.Request::query)
                .containsExactly(upsertQuery(true), upsertQuery(false));
        for (StubServer.Request req : writes()) {
            assertThat(req.bodyText())
                    .isEqualTo(
                            "[{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\",\"x\":1},"
                                    + "{\"_key\":\"b\",\"_rev\":\"_l6zhVTu--_\",\"u\":\"é\"}]");
            assertThat(req.header("content-type")).startsWith("application/json");
        }
    }

    /** The query of a destination upsert, with or without silent answers. */
    private static String upsertQuery(boolean silent) {
        return "isRestore=true&overwriteMode=replace&silent="
                + silent
                + "&skipDocumentValidation=true";
    }

    /** Documents as the writer hands them over: UTF-8 bytes. */
    private static List<byte[]> utf8(String... documents) {
        return Arrays.stream(documents).map(d -> d.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The requests to the coordinator's document API of {@code shop/orders}. */
    private List<StubServer.Request> writes() {
        return coordinator.requests.stream()
                .filter(q -> q.path().equals("/_db/shop/_api/document/orders"))
                .toList();
    }

    @Test
    void insertRestoreSendsOnceWhenTheSilentAnswerIsEmpty() {
        connect(null, null, null);
        coordinator.on("POST", "/_db/shop/_api/document/orders", StubServer.Reply.json(202, "[]"));
        List<byte[]> docs =
                utf8(
                        "{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\"}",
                        "{\"_key\":\"b\",\"_rev\":\"_l6zhVTu--_\"}");
        BulkResult r = client.insertRestore("shop", "orders", docs);
        assertThat(r).isEqualTo(new BulkResult(2, 2, 0, List.of(), Map.of()));
        assertThat(writes())
                .extracting(StubServer.Request::query)
                .containsExactly(upsertQuery(true));
    }

    @Test
    void removeKeysCountsMissingDocumentsAsRemoved() {
        connect(null, null, null);
        coordinator.on(
                "DELETE",
                "/_db/shop/_api/document/orders",
                r ->
                        new StubServer.Reply(
                                202,
                                Map.of(
                                        "content-type",
                                        "application/json",
                                        "x-arango-error-codes",
                                        "{\"1202\":1}"),
                                ("[{\"error\":true,\"errorNum\":1202,\"errorMessage\":\"document not found\"},"
                                                + "{\"_id\":\"orders/b\",\"_key\":\"b\",\"_rev\":\"_l6zhVTu---\"}]")
                                        .getBytes(StandardCharsets.UTF_8)));
        BulkResult r = client.removeKeys("shop", "orders", List.of("a\"quote", "b"));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.succeeded()).isEqualTo(2);
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(coordinator.last().bodyText()).isEqualTo("[\"a\\\"quote\",\"b\"]");
        assertThat(client.removeKeys("shop", "orders", List.of()).total()).isZero();
    }

    @Test
    void readsCollectionsFromTheClusterInventory() {
        connect(null, null, null);
        coordinator.on(
                "GET",
                "/_db/shop/_api/replication/clusterInventory",
                StubServer.Reply.json(
                        200,
                        "{\"collections\":[{\"parameters\":{\"name\":\"orders\",\"id\":\"2010061\","
                                + "\"planId\":\"2010061\",\"globallyUniqueId\":\"c2010061/\",\"type\":2,"
                                + "\"isSystem\":false,\"shards\":{\"s2010063\":[\"PRMR-b\",\"PRMR-c\"],"
                                + "\"s2010062\":[\"PRMR-a\",\"PRMR-b\"]}},\"indexes\":[{\"type\":\"persistent\"}],"
                                + "\"planVersion\":1,\"isReady\":true,\"allInSync\":true},"
                                + "{\"parameters\":{\"name\":\"_graphs\",\"id\":\"9\",\"type\":2,\"isSystem\":true,"
                                + "\"shards\":{}},\"indexes\":[]},"
                                + "{\"parameters\":{\"name\":\"gone\",\"id\":\"7\",\"deleted\":true}}],"
                                + "\"views\":[],\"tick\":\"38139421\",\"state\":\"unused\"}"));
        List<CollectionInfo> cs = client.collections("shop");
        assertThat(cs).extracting(CollectionInfo::name).containsExactly("orders", "_graphs");
        CollectionInfo orders = cs.get(0);
        assertThat(orders.planId()).isEqualTo("2010061");
        assertThat(orders.globallyUniqueId()).isEqualTo("c2010061/");
        assertThat(orders.shards().keySet()).containsExactly("s2010063", "s2010062");
        assertThat(orders.leader("s2010062")).isEqualTo("PRMR-a");
        assertThat(orders.indexes()).hasSize(1);
        assertThat(cs.get(1).isSystem()).isTrue();
        assertThat(coordinator.last().query()).isEqualTo("includeSystem=true");
    }

    @Test
    void genericCallsPassBodiesAndReturnJson() {
        connect(null, null, null);
        coordinator.on(
                "PUT",
                "/_db/shop/_api/collection/orders/properties",
                r -> StubServer.Reply.json(200, "{\"echo\":" + r.bodyText() + "}"));
        var body = io.dc2dc.arango.wire.Json.MAPPER.createObjectNode().put("waitForSync", true);
        assertThat(
                        client.send("PUT", "shop", "/_api/collection/orders/properties", body)
                                .path("echo"))
                .isEqualTo(body);
        assertThatThrownBy(() -> client.get("shop", "no-slash"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
