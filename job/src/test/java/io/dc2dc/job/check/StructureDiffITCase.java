package io.dc2dc.job.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure check sees equal structures as equal and names each difference. */
class StructureDiffITCase {

    private static void build(Http h, boolean withExtras) {
        h.call("POST", "/_api/database", "{\"name\":\"shop\"}");
        h.call(
                "POST",
                "/_db/shop/_api/collection",
                "{\"name\":\"orders\",\"numberOfShards\":3,\"shardKeys\":[\"customer\"],\"replicationFactor\":2}");
        h.call(
                "POST",
                "/_db/shop/_api/index?collection=orders",
                "{\"type\":\"persistent\",\"name\":\"byDate\",\"fields\":[\"date\"]}");
        if (withExtras) {
            h.call(
                    "POST",
                    "/_db/shop/_api/index?collection=orders",
                    "{\"type\":\"persistent\",\"name\":\"uniqueNo\",\"fields\":[\"customer\",\"no\"],\"unique\":true}");
            h.call("POST", "/_api/user", "{\"user\":\"alice\",\"passwd\":\"secret\"}");
            h.call("PUT", "/_db/shop/_api/collection/orders/properties", "{\"waitForSync\":true}");
        }
    }

    @Test
    void equalStructuresAreEqualAndDifferencesAreNamed() {
        try (Emulator a = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
                Emulator b = Emulator.start(EmulatorConfig.builder().dbServers(2).build());
                ArangoClient ca = ArangoClient.connect(Replication.spec("source", a));
                ArangoClient cb = ArangoClient.connect(Replication.spec("destination", b))) {
            build(new Http(a.coordinatorUrl()), false);
            build(new Http(b.coordinatorUrl()), false);
            StructureDiff same =
                    StructureDiff.of(StructureSnapshot.read(ca), StructureSnapshot.read(cb));
            assertThat(same.differences()).isEmpty();
            assertThat(StructureSnapshot.read(ca))
                    .containsKeys("collection shop/orders", "index shop/orders/byDate");

            Http h = new Http(a.coordinatorUrl());
            h.call(
                    "POST",
                    "/_db/shop/_api/index?collection=orders",
                    "{\"type\":\"persistent\",\"name\":\"uniqueNo\",\"fields\":[\"customer\",\"no\"],\"unique\":true}");
            h.call("POST", "/_api/user", "{\"user\":\"alice\",\"passwd\":\"secret\"}");
            h.call("PUT", "/_db/shop/_api/collection/orders/properties", "{\"waitForSync\":true}");
            List<String> differences =
                    StructureDiff.of(StructureSnapshot.read(ca), StructureSnapshot.read(cb))
                            .differences();
            assertThat(differences)
                    .anyMatch(
                            d ->
                                    d.startsWith(
                                            "index shop/orders/uniqueNo: missing on the destination"))
                    .anyMatch(d -> d.startsWith("user alice: missing on the destination"))
                    .anyMatch(d -> d.startsWith("collection shop/orders: differs"));
        }
    }
}
