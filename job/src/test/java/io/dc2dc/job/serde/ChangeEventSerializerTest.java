package io.dc2dc.job.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.model.DocumentAddress;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** ChangeEvents survive the hand-written serializer in every shape, byte for byte. */
class ChangeEventSerializerTest {

    private static final ChangeEventSerializer S = new ChangeEventSerializer();

    static final ChangeEvent UPSERT =
            ChangeEvent.upsert(
                    new DocumentAddress("shop", "orders", "2010061", "s2010062", "4711"),
                    1819361843593166848L,
                    "{\"_key\":\"4711\",\"_rev\":\"_l6zhUoy---\",\"n\":1}"
                            .getBytes(StandardCharsets.UTF_8),
                    7312230,
                    3);

    /**
     * {@link #UPSERT} as written by format version 1: header 0x0c (UPSERT, document, derived
     * routing key), a block of five strings, three longs, the document.
     */
    static final String UPSERT_V1 =
            "0c" // header
                    + "22" // string block length 34, then five strings (UTF-8 length + 1, bytes)
                    + "0573686f70" // shop
                    + "076f7264657273" // orders
                    + "0832303130303631" // 2010061
                    + "097332303130303632" // s2010062
                    + "0534373131" // 4711
                    + "193fabf515454000" // revision
                    + "00000000006f9366" // tick 7312230
                    + "0000000000000003" // epoch
                    + "0000002a" // document length 42, then the document
                    + "7b225f6b6579223a2234373131222c225f726576223a225f6c367a68556f792d2d2d222c22"
                    + "6e223a317d";

    private static ChangeEvent remove() {
        return ChangeEvent.remove(
                new DocumentAddress("shop", "orders", "2010061", "s2010062", "k:ä€😀"), 42, 99, 2);
    }

    private static ChangeEvent sweep() {
        return ChangeEvent.sweep("shop", "orders", "2010061", "s2010062", 4, "fence-17");
    }

    private static byte[] bytes(ChangeEvent e) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        S.serialize(e, out);
        return out.getCopyOfBuffer();
    }

    private static ChangeEvent read(byte[] b) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(b);
        ChangeEvent e = S.deserialize(in);
        assertThat(in.available()).as("bytes left after the record").isZero();
        return e;
    }

    @Test
    void roundTripsEveryKind() throws IOException {
        ChangeEvent empty = new ChangeEvent();
        empty.kind = ChangeEvent.Kind.UPSERT;
        empty.document = new byte[0];
        ChangeEvent foreignRouting = S.copy(UPSERT);
        foreignRouting.routingKey = "shop/orders/4711x";
        for (ChangeEvent e : List.of(UPSERT, remove(), sweep(), empty, foreignRouting)) {
            assertThat(read(bytes(e))).as(e.toString()).isEqualTo(e);
        }
    }

    @Test
    void roundTripsALargeDocument() throws IOException {
        byte[] doc = new byte[4 * 1024 * 1024];
        for (int i = 0; i < doc.length; i++) {
            doc[i] = (byte) i;
        }
        ChangeEvent e = S.copy(UPSERT);
        e.document = doc;
        assertThat(read(bytes(e)).document).isEqualTo(doc);
    }

    @Test
    void writesAndReadsTheGoldenVersion1Bytes() throws IOException {
        byte[] golden = HexFormat.of().parseHex(UPSERT_V1);
        assertThat(read(golden)).isEqualTo(UPSERT);
        // A change of these bytes is a new format: give the snapshot a new version.
        assertThat(HexFormat.of().formatHex(bytes(UPSERT))).isEqualTo(UPSERT_V1);
    }

    @Test
    void derivesOnlyRoutingKeysThatAreTheDocumentRoutingKey() {
        assertThat(ChangeEventSerializer.isDocumentRoutingKey(UPSERT)).isTrue();
        assertThat(ChangeEventSerializer.isDocumentRoutingKey(remove())).isTrue();
        assertThat(ChangeEventSerializer.isDocumentRoutingKey(sweep())).isFalse();
        ChangeEvent shifted = S.copy(UPSERT);
        shifted.database = "sho";
        shifted.collection = "porders";
        assertThat(ChangeEventSerializer.isDocumentRoutingKey(shifted)).isFalse();
    }

    @Test
    void copiesBetweenViewsWithoutChangingBytes() throws IOException {
        for (ChangeEvent e : List.of(UPSERT, remove(), sweep())) {
            byte[] original = bytes(e);
            // this view's write(DataInputView, n) does not grow its buffer
            DataOutputSerializer out = new DataOutputSerializer(original.length);
            S.copy(new DataInputDeserializer(original), out);
            assertThat(out.getCopyOfBuffer()).isEqualTo(original);
        }
    }

    @Test
    void copyIsAnEqualNewObjectSharingTheImmutableDocument() {
        ChangeEvent copy = S.copy(UPSERT);
        assertThat(copy).isEqualTo(UPSERT).isNotSameAs(UPSERT);
        assertThat(copy.document).isSameAs(UPSERT.document);
        assertThat(S.copy(UPSERT, new ChangeEvent())).isEqualTo(UPSERT);
    }

    @Test
    void coversEveryFieldOfChangeEvent() {
        // A new field would silently get lost between operators: extend the format (new version)
        // and this list together.
        assertThat(
                        Arrays.stream(ChangeEvent.class.getDeclaredFields())
                                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                                .map(Field::getName))
                .containsExactlyInAnyOrder(
                        "kind",
                        "database",
                        "collection",
                        "collectionId",
                        "shard",
                        "key",
                        "revision",
                        "document",
                        "tick",
                        "epoch",
                        "routingKey");
    }

    @Test
    void rejectsACorruptHeader() {
        assertThatThrownBy(() -> read(new byte[] {(byte) 0x13}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header byte 19");
        assertThatThrownBy(() -> read(new byte[] {(byte) 0x03}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header byte 3");
    }

    @Test
    void rejectsAnEventWithoutKind() {
        assertThatThrownBy(() -> bytes(new ChangeEvent()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeInformationHandsOutTheSerializerAndBothTravelInTheJobGraph() throws Exception {
        ChangeEventTypeInfo info = ChangeEventTypeInfo.INSTANCE;
        assertThat(info.createSerializer(new SerializerConfigImpl()))
                .isEqualTo(S)
                .isNotSameAs(info.createSerializer(new SerializerConfigImpl()));
        assertThat(info.getTypeClass()).isEqualTo(ChangeEvent.class);
        ClassLoader cl = getClass().getClassLoader();
        assertThat(InstantiationUtil.clone(info, cl)).isEqualTo(info);
        assertThat(InstantiationUtil.clone(S, cl)).isEqualTo(S);
        // Instances remember the last names they saw, so every thread needs its own.
        assertThat(S.duplicate()).isEqualTo(S).isNotSameAs(S);
    }

    @Test
    void namesThatChangeBetweenChangesAreReadBackAndRepeatedOnesShared() throws IOException {
        ChangeEventSerializer writer = new ChangeEventSerializer();
        ChangeEventSerializer reader = new ChangeEventSerializer();
        String[][] addresses = {
            {"shop", "orders", "1", "s1", "a"},
            {"shop", "orders", "1", "s1", "b"},
            {"shop", "orders", "1", "s2", "c"}, // another shard
            {"shop", "items", "7", "s8", "d"}, // another collection
            {"crm", "items", "9", "s9", "d"}, // another database, same collection name
            {"shop", "orders", "1", "s1", "e"}, // back to the first
            {"shop", "orders", "1", "s1", "e"}
        };
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String[] a : addresses) {
            ChangeEvent e =
                    ChangeEvent.remove(new DocumentAddress(a[0], a[1], a[2], a[3], a[4]), 5, 6, 1);
            writer.serialize(e, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        ChangeEvent previous = null;
        for (String[] a : addresses) {
            ChangeEvent e = reader.deserialize(in);
            assertThat(List.of(e.database, e.collection, e.collectionId, e.shard, e.key))
                    .containsExactly(a);
            assertThat(e.routingKey).isEqualTo(a[0] + "/" + a[1] + "/" + a[4]);
            if (previous != null && previous.database.equals(e.database)) {
                assertThat(e.database).as("the repeated database name").isSameAs(previous.database);
            }
            previous = e;
        }
        assertThat(in.available()).isZero();
    }
}
