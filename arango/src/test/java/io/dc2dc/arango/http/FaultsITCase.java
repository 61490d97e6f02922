package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.error.RetryPolicy;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.emulator.FailMode;
import io.dc2dc.emulator.FailTarget;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How failures injected into the emulator reach callers: classified transient or fatal, retried by
 * a {@link RetryPolicy}, WAL gaps reported as {@code fromPresent=false}, leader moves visible in
 * the inventory.
 */
class FaultsITCase {

    private static final String DB = "it_faults";

    @RegisterExtension static final EmulatorExtension EMU = EmulatorClusters.secured();

    @TempDir static Path dir;
    private static ArangoClient client;

    @BeforeAll
    static void setUp() {
        client = EmulatorClusters.securedClient(EMU, dir);
        client.createDatabase(DB, null);
        client.createCollection(
                DB,
                Json.MAPPER
                        .createObjectNode()
                        .put("name", "f")
                        .put("numberOfShards", 1)
                        .put("replicationFactor", 2));
    }

    @AfterEach
    void heal() {
        EMU.emulator().faults().reset();
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    @Test
    void unavailableCoordinatorsAreTransientAndRetriedByThePolicy() {
        EMU.emulator().faults().failRequests(1.0, FailMode.HTTP_503, FailTarget.COORDINATOR);
        assertThatThrownBy(client::databases)
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(503);
                            assertThat(e.isTransient()).isTrue();
                        });
        // the fault heals during the first back-off: the second attempt succeeds
        AtomicInteger sleeps = new AtomicInteger();
        List<String> dbs =
                RetryPolicy.defaults()
                        .call(
                                "list databases",
                                client::databases,
                                d -> {
                                    sleeps.incrementAndGet();
                                    EMU.emulator().faults().reset();
                                });
        assertThat(dbs).contains(DB);
        assertThat(sleeps).hasValue(1);
    }

    @Test
    void droppedConnectionsAreTransient() {
        EMU.emulator().faults().failRequests(1.0, FailMode.DROP_CONNECTION, FailTarget.DBSERVER);
        String server = EMU.emulator().dbServerIds().get(0);
        assertThatThrownBy(() -> client.lastTick(server))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.httpStatus()).isZero();
                            assertThat(e.isTransient()).isTrue();
                        });
        EMU.emulator().faults().reset();
        assertThat(client.lastTick(server)).isPositive();
    }

    @Test
    void aStoppedDbServerIsTransientlyUnreachableAndItsShardsGetANewLeader() {
        CollectionInfo before = collection();
        String shard = before.shards().keySet().iterator().next();
        String oldLeader = before.leader(shard);
        assertThat(client.lastTick(oldLeader)).isPositive(); // endpoint known to the client

        EMU.emulator().faults().stopDbServer(oldLeader);
        assertThatThrownBy(() -> client.lastTick(oldLeader))
                .isInstanceOfSatisfying(
                        ArangoException.class, e -> assertThat(e.isTransient()).isTrue());
        String newLeader = collection().leader(shard);
        assertThat(newLeader).isNotNull().isNotEqualTo(oldLeader);
        assertThat(client.lastTick(newLeader)).isPositive();

        EMU.emulator().faults().startDbServer(oldLeader);
        assertThat(client.lastTick(oldLeader)).isPositive();
    }

    @Test
    void movingALeaderShowsInTheInventory() {
        CollectionInfo info = collection();
        String shard = info.shards().keySet().iterator().next();
        String follower = info.shards().get(shard).get(1);
        EMU.emulator().faults().moveShardLeader(DB, shard, follower);
        assertThat(collection().leader(shard)).isEqualTo(follower);
    }

    @Test
    void aPurgedWalIsReportedAsFromPresentFalse() {
        String server = collection().leader(collection().shards().keySet().iterator().next());
        long from = client.lastTick(server);
        client.send(
                "POST", DB, "/_api/document/f", Json.MAPPER.createObjectNode().put("_key", "p1"));
        client.send(
                "POST", DB, "/_api/document/f", Json.MAPPER.createObjectNode().put("_key", "p2"));
        EMU.emulator().faults().purgeWal(server);
        TailResult r = client.tail(server, TailRequest.global(from, 0, 0, 0), m -> {});
        assertThat(r.fromPresent()).isFalse();
    }

    private static CollectionInfo collection() {
        return client.collections(DB).stream()
                .filter(c -> c.name().equals("f"))
                .findFirst()
                .orElseThrow();
    }
}
