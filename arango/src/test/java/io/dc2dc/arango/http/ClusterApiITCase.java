package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.error.ErrorNums;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Topology, databases and collections against the emulator over real HTTP. */
class ClusterApiITCase {

    @RegisterExtension static final EmulatorExtension EMU = EmulatorClusters.secured();

    @TempDir static Path dir;
    private static ArangoClient client;

    @BeforeAll
    static void connect() {
        client = EmulatorClusters.securedClient(EMU, dir);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void describesTheCluster() {
        VersionInfo v = client.version();
        assertThat(v.server()).isEqualTo("arango");
        assertThat(v.role()).isEqualTo("COORDINATOR");
        assertThat(v.major()).isEqualTo(3);
        assertThat(client.serverRole()).isEqualTo("COORDINATOR");

        Map<String, ServerHealth> dbServers = client.clusterHealth().dbServers();
        assertThat(dbServers.keySet())
                .containsExactlyInAnyOrderElementsOf(EMU.emulator().dbServerIds());
        dbServers.forEach(
                (id, h) -> {
                    assertThat(h.endpoint()).isEqualTo(EMU.emulator().dbServerUrl(id));
                    assertThat(h.isGood()).isTrue();
                });
        assertThat(client.databases()).contains("_system");
    }

    @Test
    void createsListsAndDropsDatabasesAndCollections() {
        client.createDatabase("it_schema", null);
        assertThat(client.databases()).contains("it_schema");
        assertThatThrownBy(() -> client.createDatabase("it_schema", null))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> {
                            assertThat(e.errorNum()).isEqualTo(ErrorNums.DUPLICATE_NAME);
                            assertThat(e.isTransient()).isFalse();
                            assertThat(e.context().database()).isEqualTo("it_schema");
                        });

        ObjectNode props =
                Json.MAPPER
                        .createObjectNode()
                        .put("name", "orders")
                        .put("numberOfShards", 3)
                        .put("replicationFactor", 2);
        client.createCollection("it_schema", props);
        CollectionInfo orders =
                client.collections("it_schema").stream()
                        .filter(c -> c.name().equals("orders"))
                        .findFirst()
                        .orElseThrow();
        assertThat(orders.isSystem()).isFalse();
        assertThat(orders.type()).isEqualTo(2);
        assertThat(orders.planId()).isNotBlank();
        assertThat(orders.shards()).hasSize(3);
        orders.shards()
                .values()
                .forEach(
                        servers -> {
                            assertThat(servers).hasSize(2).doesNotHaveDuplicates();
                            assertThat(EMU.emulator().dbServerIds()).containsAll(servers);
                        });
        assertThat(orders.parameters().path("numberOfShards").asInt()).isEqualTo(3);

        assertThat(client.count("it_schema", "orders")).isZero();
        client.send(
                "POST",
                "it_schema",
                "/_api/document/orders",
                Json.MAPPER.createObjectNode().put("_key", "a").put("v", 1));
        assertThat(client.count("it_schema", "orders")).isEqualTo(1);
        String withDocs = client.checksum("it_schema", "orders", false, false);
        client.truncate("it_schema", "orders");
        assertThat(client.count("it_schema", "orders")).isZero();
        assertThat(client.checksum("it_schema", "orders", false, false)).isNotEqualTo(withDocs);

        client.dropCollection("it_schema", "orders", false);
        assertThatThrownBy(() -> client.count("it_schema", "orders"))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> assertThat(e.errorNum()).isEqualTo(ErrorNums.DATA_SOURCE_NOT_FOUND));
        client.dropDatabase("it_schema");
        assertThat(client.databases()).doesNotContain("it_schema");
        assertThatThrownBy(() -> client.collections("it_schema"))
                .isInstanceOfSatisfying(
                        ArangoException.class,
                        e -> assertThat(e.errorNum()).isEqualTo(ErrorNums.DATABASE_NOT_FOUND));
    }

    @Test
    void theInventoryListsSystemCollectionsToo() {
        List<CollectionInfo> system = client.collections("_system");
        assertThat(system).extracting(CollectionInfo::name).contains("_users", "_graphs");
        assertThat(system)
                .filteredOn(c -> c.name().startsWith("_"))
                .allMatch(CollectionInfo::isSystem);
    }
}
