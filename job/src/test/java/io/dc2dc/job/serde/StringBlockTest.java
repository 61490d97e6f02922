package io.dc2dc.job.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HexFormat;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** String blocks keep nulls, non-ASCII and long strings, and refuse corrupt lengths. */
class StringBlockTest {

    private static byte[] written(String... strings) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        StringBlock.write(out, new StringBlock.Cache(0), strings);
        return out.getCopyOfBuffer();
    }

    @Test
    void roundTripsNullsUnicodeAndLongStrings() throws IOException {
        String[] strings = {"", null, "k:ä€😀", "x".repeat(300), null};
        DataInputDeserializer in = new DataInputDeserializer(written(strings));
        assertThat(StringBlock.read(in, strings.length, new StringBlock.Cache(0)))
                .containsExactly(strings);
        assertThat(in.available()).isZero();
    }

    @Test
    void writesOneLengthThenEachStringsLengthPlusOne() throws IOException {
        // block of 4 bytes: "" -> 01, null -> 00, "ab" -> 03 61 62
        assertThat(HexFormat.of().formatHex(written("", null, "ab")))
                .isEqualTo("0501000361" + "62");
        // 300 bytes: the string length 301 is ad 02, the block length 302 is ae 02
        assertThat(HexFormat.of().formatHex(written("y".repeat(300)))).startsWith("ae02ad02");
    }

    @Test
    void refusesABlockWhoseStringsDoNotFitItsLength() throws IOException {
        byte[] tooShort = HexFormat.of().parseHex("020561");
        assertThatThrownBy(
                        () ->
                                StringBlock.read(
                                        new DataInputDeserializer(tooShort),
                                        1,
                                        new StringBlock.Cache(0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt string block");
        byte[] leftOver = written("a", "b");
        assertThatThrownBy(
                        () ->
                                StringBlock.read(
                                        new DataInputDeserializer(leftOver),
                                        1,
                                        new StringBlock.Cache(0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("left");
    }

    @Test
    void copiesABlockUnchanged() throws IOException {
        byte[] block = written("shop", null, "é".repeat(100));
        DataOutputSerializer out = new DataOutputSerializer(block.length);
        StringBlock.copy(new DataInputDeserializer(block), out);
        assertThat(out.getCopyOfBuffer()).isEqualTo(block);
    }
}
