package io.dc2dc.arango.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {

    private static List<String> records(String body, JsonRecordReader.Mode mode, int chunk)
            throws IOException {
        List<String> out = new ArrayList<>();
        JsonRecordReader r =
                new JsonRecordReader(
                        new ChunkedInputStream(body.getBytes(StandardCharsets.UTF_8), chunk), mode);
        long n =
                r.readAll(
                        (buf, off, len) ->
                                out.add(new String(buf, off, len, StandardCharsets.UTF_8)));
        assertThat(n).isEqualTo(out.size());
        assertThat(r.bytesRead()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        return out;
    }

    @Test
    void splitsJsonLinesKeepingExactBytes() throws IOException {
        String a = "{\"_key\":\"a\",\"s\":\"brace } and [ and \\\" quote\"}";
        String b = "{\"_key\":\"b\",\"n\":[1,{\"x\":\"}\"}],\"u\":\"grüße 🚀 \\u00e9\"}";
        String c = "{\"_key\":\"c\",\"esc\":\"ends with backslash \\\\\"}";
        String body = a + "\n" + b + "\n" + c + "\n";
        for (int chunk : new int[] {1, 2, 3, 7, 64, 1 << 20}) {
            assertThat(records(body, JsonRecordReader.Mode.SEQUENCE, chunk))
                    .as("chunk %d", chunk)
                    .containsExactly(a, b, c);
        }
    }

    @Test
    void acceptsPrettyPrintedRecordsAndMissingFinalNewline() throws IOException {
        String body = "{ \n  \"tick\" : \"1\" \n}\n\n{\"tick\":\"2\"}";
        assertThat(records(body, JsonRecordReader.Mode.SEQUENCE, 5))
                .containsExactly("{ \n  \"tick\" : \"1\" \n}", "{\"tick\":\"2\"}");
    }

    @Test
    void emptyBodyHasNoRecords() throws IOException {
        assertThat(records("", JsonRecordReader.Mode.SEQUENCE, 10)).isEmpty();
        assertThat(records(" \n", JsonRecordReader.Mode.SEQUENCE, 10)).isEmpty();
    }

    @Test
    void splitsArrayElementsOfAnyKind() throws IOException {
        String body = "[ {\"a\":[1,2]} , null,\"str]ing\", 12.5e3 ,[true],{}]\n";
        assertThat(records(body, JsonRecordReader.Mode.ARRAY, 3))
                .containsExactly("{\"a\":[1,2]}", "null", "\"str]ing\"", "12.5e3", "[true]", "{}");
        assertThat(records("[]", JsonRecordReader.Mode.ARRAY, 1)).isEmpty();
    }

    @Test
    void growsForMultiMegabyteRecords() throws IOException {
        String big = "{\"_key\":\"big\",\"s\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        List<String> out =
                records(big + "\n{\"_key\":\"small\"}\n", JsonRecordReader.Mode.SEQUENCE, 8192);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo(big);
    }

    @Test
    void reportsTruncatedBodies() {
        assertThatThrownBy(() -> records("{\"a\":1}\n{\"b\":", JsonRecordReader.Mode.SEQUENCE, 4))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> records("[{\"a\":1}", JsonRecordReader.Mode.ARRAY, 4))
                .isInstanceOf(MalformedBodyException.class);
        assertThatThrownBy(
                        () -> records("{\"s\":\"open string}", JsonRecordReader.Mode.SEQUENCE, 4))
                .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void reportsMalformedFraming() {
        assertThatThrownBy(() -> records("{\"a\":1}}", JsonRecordReader.Mode.SEQUENCE, 64))
                .hasMessageContaining("byte 7");
        assertThatThrownBy(() -> records("{\"a\":1}", JsonRecordReader.Mode.ARRAY, 64))
                .hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> records("[{\"a\":1} {\"b\":2}]", JsonRecordReader.Mode.ARRAY, 64))
                .hasMessageContaining("expected ','");
        assertThatThrownBy(
                        () ->
                                new JsonRecordReader(
                                                new ByteArrayInputStream("[1] 2".getBytes()),
                                                JsonRecordReader.Mode.ARRAY)
                                        .readAll((b, o, l) -> {}))
                .hasMessageContaining("after the closing");
    }
}
