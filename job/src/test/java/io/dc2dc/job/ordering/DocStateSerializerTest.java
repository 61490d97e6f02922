package io.dc2dc.job.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.job.serde.ChangeEventSerializer;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The ordering state's serializer: golden bytes of format version 1, round trips, corrupt input,
 * and the migration of state written with Flink's POJO serializer by earlier versions.
 */
class DocStateSerializerTest {

    static final String LIVE_V1 =
            "06" // flags: shard and collectionId present
                    + "193fabf515454000" // revision
                    + "0000000000000003" // epoch
                    + "00000000" // generation
                    + "0008"
                    + "7332303130303632" // "s2010062"
                    + "0007"
                    + "32303130303631"; // "2010061"

    static final String TOMBSTONE_V1 =
            "07" // flags: removed, shard and collectionId present
                    + "193fabf515454000" // revision
                    + "0000000000000004" // epoch
                    + "0000019ab697e800" // expiresAt
                    + "00000002" // generation
                    + "0008"
                    + "7332303130303632"
                    + "0007"
                    + "32303130303631";

    private static DocState live() {
        return DocState.live(1819361843593166848L, "s2010062", "2010061", 3);
    }

    private static DocState tombstone() {
        DocState s =
                DocState.tombstone(1819361843593166848L, "s2010062", "2010061", 4, 1764000000000L);
        s.generation = 2;
        return s;
    }

    private static byte[] write(TypeSerializer<DocState> serializer, DocState s)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(s, out);
        return out.getCopyOfBuffer();
    }

    private static DocState read(TypeSerializer<DocState> serializer, byte[] bytes)
            throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        DocState s = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left after one DocState").isZero();
        return s;
    }

    @Test
    void writesTheGoldenVersion1Bytes() throws IOException {
        assertThat(HexFormat.of().formatHex(write(DocStateSerializer.INSTANCE, live())))
                .isEqualTo(LIVE_V1);
        assertThat(HexFormat.of().formatHex(write(DocStateSerializer.INSTANCE, tombstone())))
                .isEqualTo(TOMBSTONE_V1);
    }

    @Test
    void readsTheGoldenVersion1Bytes() throws IOException {
        assertThat(read(DocStateSerializer.INSTANCE, HexFormat.of().parseHex(LIVE_V1)))
                .usingRecursiveComparison()
                .isEqualTo(live());
        assertThat(read(DocStateSerializer.INSTANCE, HexFormat.of().parseHex(TOMBSTONE_V1)))
                .usingRecursiveComparison()
                .isEqualTo(tombstone());
    }

    @Test
    void roundTripsMissingAndUnicodeNames() throws IOException {
        DocState s = new DocState();
        s.revision = -1;
        s.shard = "s\u00e9\u4e2d\ud83d\ude00";
        DocState back = read(DocStateSerializer.INSTANCE, write(DocStateSerializer.INSTANCE, s));
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
        assertThat(DocStateSerializer.INSTANCE.copy(s)).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void refusesUnknownFlags() {
        byte[] bytes = HexFormat.of().parseHex("0e" + LIVE_V1.substring(2));
        assertThatThrownBy(() -> read(DocStateSerializer.INSTANCE, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("flags 14");
    }

    @Test
    void stateOfThePojoSerializerIsMigrated() throws IOException {
        // What earlier versions registered: TypeInformation.of(DocState.class).
        TypeSerializer<DocState> pojo =
                TypeInformation.of(DocState.class).createSerializer(new SerializerConfigImpl());
        assertThat(pojo).isInstanceOf(PojoSerializer.class);
        DataOutputSerializer snapshotBytes = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshotBytes, pojo.snapshotConfiguration());
        TypeSerializerSnapshot<DocState> old =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(snapshotBytes.getCopyOfBuffer()),
                        getClass().getClassLoader());

        TypeSerializerSchemaCompatibility<DocState> compatibility =
                DocStateSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(old);
        assertThat(compatibility.isCompatibleAfterMigration()).isTrue();

        // Flink migrates by reading with the restored old serializer, writing with the new one.
        TypeSerializer<DocState> restoredPojo = old.restoreSerializer();
        for (DocState s : new DocState[] {live(), tombstone()}) {
            DocState migrated = read(restoredPojo, write(pojo, s));
            byte[] rewritten = write(DocStateSerializer.INSTANCE, migrated);
            assertThat(read(DocStateSerializer.INSTANCE, rewritten))
                    .usingRecursiveComparison()
                    .isEqualTo(s);
        }
    }

    @Test
    void theSameFormatIsCompatibleAsIsAndAnotherTypeIsNot() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                out, DocStateSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<DocState> same =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(same.restoreSerializer()).isSameAs(DocStateSerializer.INSTANCE);
        assertThat(
                        DocStateSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(same)
                                .isCompatibleAsIs())
                .isTrue();

        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<DocState> other =
                (TypeSerializerSnapshot) new ChangeEventSerializer().snapshotConfiguration();
        assertThat(
                        DocStateSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(other)
                                .isIncompatible())
                .isTrue();
    }
}
