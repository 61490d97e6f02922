package io.dc2dc.sink.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ReplicationBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bounded(int min, int max, String properties) throws Exception {
        ObjectNode p = (ObjectNode) JSON.readTree(properties);
        new ReplicationBounds(new StructureOptions(min, max, false)).apply(p);
        return p;
    }

    @Test
    void lowersToTheMaximumWithTheWriteConcern() throws Exception {
        assertThat(bounded(1, 2, "{\"replicationFactor\":3,\"writeConcern\":3}").toString())
                .isEqualTo("{\"replicationFactor\":2,\"writeConcern\":2}");
        assertThat(bounded(1, 2, "{\"replicationFactor\":3,\"minReplicationFactor\":1}").toString())
                .isEqualTo("{\"replicationFactor\":2,\"minReplicationFactor\":1}");
    }

    @Test
    void raisesToTheMinimum() throws Exception {
        assertThat(bounded(2, 5, "{\"replicationFactor\":1,\"writeConcern\":1}").toString())
                .isEqualTo("{\"replicationFactor\":2,\"writeConcern\":1}");
    }

    @Test
    void leavesSatellitesAndMissingValuesAlone() throws Exception {
        assertThat(bounded(1, 1, "{\"replicationFactor\":\"satellite\"}").toString())
                .isEqualTo("{\"replicationFactor\":\"satellite\"}");
        assertThat(bounded(2, 2, "{\"waitForSync\":true}").toString())
                .isEqualTo("{\"waitForSync\":true}");
    }
}
