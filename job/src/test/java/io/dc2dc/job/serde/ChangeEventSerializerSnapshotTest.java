package io.dc2dc.job.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.model.ChangeEvent;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The serializer's configuration snapshot restores the same serializer and declares itself
 * compatible, also from the bytes Flink wrote for version 1 (class name and version).
 */
class ChangeEventSerializerSnapshotTest {

    /** {@code writeVersionedSnapshot} of our first snapshot: its class name and format version. */
    static final String SNAPSHOT_V1 =
            "0030" // the class name's length, then the name
                    + "696f2e64633264632e6a6f622e73657264652e4368616e67654576656e7453657269616c69"
                    + "7a6572536e617073686f74"
                    + "00000003"; // the version of SimpleTypeSerializerSnapshot's own format

    private static TypeSerializerSnapshot<ChangeEvent> readVersioned(byte[] bytes)
            throws IOException {
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(bytes),
                ChangeEventSerializerSnapshotTest.class.getClassLoader());
    }

    @Test
    void writesAndReadsTheGoldenVersion1Snapshot() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                out, new ChangeEventSerializer().snapshotConfiguration());
        assertThat(HexFormat.of().formatHex(out.getCopyOfBuffer())).isEqualTo(SNAPSHOT_V1);

        TypeSerializerSnapshot<ChangeEvent> restored =
                readVersioned(HexFormat.of().parseHex(SNAPSHOT_V1));
        assertThat(restored).isInstanceOf(ChangeEventSerializerSnapshot.class);
        assertThat(restored.restoreSerializer()).isEqualTo(new ChangeEventSerializer());
    }

    @Test
    void theCurrentSerializerIsCompatibleAsIsWithVersion1() throws IOException {
        TypeSerializerSnapshot<ChangeEvent> old =
                readVersioned(HexFormat.of().parseHex(SNAPSHOT_V1));
        TypeSerializerSchemaCompatibility<ChangeEvent> compatibility =
                new ChangeEventSerializer().snapshotConfiguration().resolveSchemaCompatibility(old);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }
}
