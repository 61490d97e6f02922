package io.dc2dc.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stopping, restarting DB-servers and moving shard leaders. Each test has its own cluster. */
class FailoverITCase {
    private Emulator emu;
    private Http coord;

    @BeforeEach
    void start() {
        emu = Emulator.start(EmulatorConfig.builder().dbServers(3).build());
        coord = new Http(emu.coordinatorUrl());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private List<String> servers(String collection, String shard) {
        JsonNode list =
                coord.get("/_api/collection/" + collection + "/shards?details=true")
                        .json()
                        .get("shards")
                        .get(shard);
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private String shardOf(String collection, String key) {
        return coord.put(
                        "/_api/collection/" + collection + "/responsibleShard",
                        "{\"_key\":\"" + key + "\"}")
                .json()
                .get("shardId")
                .asText();
    }

    private List<JsonNode> tail(String server, String shard, long from) {
        return new Http(emu.dbServerUrl(server))
                .get("/_api/wal/tail?collection=" + shard + "&from=" + from)
                .lines();
    }

    private long lastTick(String server) {
        return new Http(emu.dbServerUrl(server))
                .get("/_api/wal/lastTick")
                .json()
                .get("tick")
                .asLong();
    }

    private void fault(String body) {
        Answer a = coord.post("/_emulator/faults", body);
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
    }

    @Test
    void stoppedLeaderFailsOverAndRejoinsAsFollower() {
        coord.post(
                "/_api/collection",
                "{\"name\":\"c\",\"numberOfShards\":3,\"replicationFactor\":2}");
        coord.post("/_api/document/c", "[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]");
        String shard = shardOf("c", "a");
        List<String> before = servers("c", shard);
        String oldLeader = before.get(0);
        String follower = before.get(1);
        long followerFrom = lastTick(follower);
        long oldLeaderTick = lastTick(oldLeader);

        fault("{\"action\":\"stopDbServer\",\"server\":\"" + oldLeader + "\"}");

        List<String> after = servers("c", shard);
        assertThat(after.get(0)).isEqualTo(follower);
        assertThat(after).contains(oldLeader);
        assertThatThrownBy(() -> new Http(emu.dbServerUrl(oldLeader)).get("/_api/version"))
                .isInstanceOf(UncheckedIOException.class);
        JsonNode health = coord.get("/_admin/cluster/health").json().get("Health");
        assertThat(health.get(oldLeader).get("Status").asText()).isEqualTo("FAILED");
        JsonNode inv = coord.get("/_api/replication/clusterInventory").json();
        for (JsonNode col : inv.get("collections")) {
            if (col.get("parameters").get("name").asText().equals("c")) {
                assertThat(col.get("allInSync").asBoolean()).isFalse();
                assertThat(col.get("isReady").asBoolean()).isTrue();
            }
        }

        // writes continue through the coordinator and land in the new leader's WAL
        Answer written = coord.patch("/_api/document/c/a", "{\"during\":\"outage\"}");
        assertThat(written.status()).isEqualTo(202);
        String rev = written.json().get("_rev").asText();
        List<JsonNode> onNewLeader = tail(follower, shard, followerFrom);
        assertThat(onNewLeader)
                .anySatisfy(m -> assertThat(m.get("data").get("_rev").asText()).isEqualTo(rev));

        emu.faults().startDbServer(oldLeader);
        List<String> rejoined = servers("c", shard);
        assertThat(rejoined.get(0)).isEqualTo(follower);
        assertThat(rejoined).contains(oldLeader);
        // the returning server caught up through its own WAL, as one transaction
        List<JsonNode> catchUp = tail(oldLeader, shard, oldLeaderTick);
        assertThat(catchUp)
                .extracting(m -> m.get("type").asInt())
                .containsExactly(2200, 2300, 2201);
        assertThat(catchUp.get(1).get("data").get("during").asText()).isEqualTo("outage");
        Http oldLeaderHttp = new Http(emu.dbServerUrl(oldLeader));
        assertThat(oldLeaderHttp.get("/_api/document/" + shard + "/a").json().get("_rev").asText())
                .isEqualTo(rev);
        for (JsonNode col :
                coord.get("/_api/replication/clusterInventory").json().get("collections")) {
            if (col.get("parameters").get("name").asText().equals("c")) {
                assertThat(col.get("allInSync").asBoolean()).isTrue();
            }
        }
        // later writes replicate to it again
        coord.patch("/_api/document/c/a", "{\"after\":true}");
        assertThat(
                        oldLeaderHttp
                                .get("/_api/document/" + shard + "/a")
                                .json()
                                .get("after")
                                .asBoolean())
                .isTrue();
    }

    @Test
    void shardWithoutFollowerIsUnavailableWhileItsServerIsDown() {
        coord.post("/_api/collection", "{\"name\":\"single\",\"replicationFactor\":1}");
        coord.post("/_api/document/single", "{\"_key\":\"x\"}");
        String shard = shardOf("single", "x");
        String leader = servers("single", shard).get(0);
        emu.faults().stopDbServer(leader);
        Answer a = coord.post("/_api/document/single", "{\"_key\":\"y\"}");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("errorNum").asInt()).isEqualTo(1478);
        emu.faults().startDbServer(leader);
        assertThat(coord.post("/_api/document/single", "{\"_key\":\"y\"}").status()).isEqualTo(202);
        assertThat(coord.get("/_api/collection/single/count").json().get("count").asInt())
                .isEqualTo(2);
    }

    @Test
    void stoppedServerKeepsItsPortUntilItRestarts() throws Exception {
        String server = emu.dbServerIds().get(0);
        URI url = URI.create(emu.dbServerUrl(server));
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        emu.faults().stopDbServer(server);

        // Refused like a stopped arangod, and not available to anyone else meanwhile: without the
        // reservation, an outgoing connection could get the port as its local one and the
        // restart would fail with "Address already in use".
        assertThatThrownBy(() -> new Http(emu.dbServerUrl(server)).get("/_api/version"))
                .isInstanceOf(UncheckedIOException.class);
        try (ServerSocket other = new ServerSocket()) {
            other.setReuseAddress(false);
            assertThatThrownBy(() -> other.bind(address)).isInstanceOf(BindException.class);
        }

        emu.faults().startDbServer(server);
        assertThat(new Http(emu.dbServerUrl(server)).get("/_api/version").status()).isEqualTo(200);
        emu.faults().stopDbServer(server);
        emu.faults().startDbServer(server);
        assertThat(new Http(emu.dbServerUrl(server)).get("/_api/version").status()).isEqualTo(200);
    }

    @Test
    void moveShardLeaderToFollowerAndToNewServer() {
        coord.post("/_api/collection", "{\"name\":\"m\",\"replicationFactor\":2}");
        coord.post("/_api/collection", "{\"name\":\"m2\",\"distributeShardsLike\":\"m\"}");
        coord.post("/_api/document/m", "{\"_key\":\"k\"}");
        String shard = shardOf("m", "k");
        String shard2 =
                coord.get("/_api/collection/m2/shards").json().get("shards").get(0).asText();
        List<String> before = servers("m", shard);
        String follower = before.get(1);

        fault(
                "{\"action\":\"moveShardLeader\",\"database\":\"_system\",\"shard\":\""
                        + shard
                        + "\",\"server\":\""
                        + follower
                        + "\"}");
        assertThat(servers("m", shard)).containsExactly(follower, before.get(0));
        assertThat(servers("m2", shard2)).containsExactly(follower, before.get(0));

        String outsider = null;
        for (String id : emu.dbServerIds()) {
            if (!before.contains(id)) {
                outsider = id;
            }
        }
        long outsiderFrom = lastTick(outsider);
        emu.faults().moveShardLeader("_system", shard, outsider);
        // a server that did not hold the shard takes the old leader's place
        assertThat(servers("m", shard)).containsExactly(outsider, before.get(0));
        List<JsonNode> created = tail(outsider, shard, outsiderFrom);
        assertThat(created)
                .extracting(m -> m.get("type").asInt())
                .containsExactly(2000, 2200, 2300, 2201);
        long next = lastTick(outsider);
        String rev = coord.patch("/_api/document/m/k", "{\"moved\":1}").json().get("_rev").asText();
        assertThat(tail(outsider, shard, next))
                .singleElement()
                .satisfies(m -> assertThat(m.get("data").get("_rev").asText()).isEqualTo(rev));
    }
}
