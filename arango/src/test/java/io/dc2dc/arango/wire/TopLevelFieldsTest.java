package io.dc2dc.arango.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The dump fast path finds top-level {@code _key} and {@code _rev} exactly where Jackson would, and
 * declines (so Jackson parses the line) whenever the line is anything but a plain raw document.
 */
class TopLevelFieldsTest {

    private static TopLevelFields scanned(String json) {
        byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        TopLevelFields f = new TopLevelFields();
        int len = json.getBytes(StandardCharsets.UTF_8).length;
        // the record sits inside a larger buffer, as in the record reader
        return f.scan(bytes, 2, len) ? f : null;
    }

    @Test
    void findsKeyAndRevisionAnywhereAtTheTopLevel() {
        TopLevelFields f =
                scanned(
                        "{\"nested\":{\"_key\":\"no\",\"a\":[1,{\"_rev\":\"no\"},\"]}\"]},"
                                + "\"n\":-1.5e3,\"t\":true,\"z\":null,\"_rev\":\"_l6zhVTu---\","
                                + "\"s\":\"x\\\"}{\",\"_key\":\"a_-:.@()+,=;$!*'%\",\"u\":\"日本語 🚀\"}");
        assertThat(f).isNotNull();
        assertThat(f.key).isEqualTo("a_-:.@()+,=;$!*'%");
        assertThat(f.rev).isEqualTo("_l6zhVTu---");
    }

    @Test
    void acceptsWhitespaceBetweenTokens() {
        TopLevelFields f =
                scanned(" {\n \"_key\" : \"k\" ,\t\"_rev\":\"1\" , \"a\" : [ 1 , 2 ] } ");
        assertThat(f).isNotNull();
        assertThat(f.key).isEqualTo("k");
        assertThat(f.rev).isEqualTo("1");
    }

    @Test
    void declinesEverythingElse() {
        assertThat(scanned("{\"type\":2300,\"data\":{\"_key\":\"a\",\"_rev\":\"1\"}}")).isNull();
        assertThat(scanned("{\"_key\":\"a\"}")).isNull();
        assertThat(scanned("{\"_rev\":\"1\",\"v\":2}")).isNull();
        assertThat(scanned("{}")).isNull();
        assertThat(scanned("[1]")).isNull();
        assertThat(scanned("{\"_key\":\"k\\u0041\",\"_rev\":\"1\"}")).isNull();
        assertThat(scanned("{\"_key\":1,\"_rev\":\"1\"}")).isNull();
        assertThat(scanned("{\"_key\":\"a\",\"_rev\":\"1\",}")).isNull();
        assertThat(scanned("{\"_key\":\"a\",\"_rev\":\"1\" \"x\":1}")).isNull();
        assertThat(scanned("{\"_key\":\"a\",\"_rev\":\"1\",\"x\":}")).isNull();
        assertThat(scanned("{\"_key\":\"a\",\"_rev\":\"1\"")).isNull();
        assertThat(scanned("{\"_key\":\"a\",\"_rev\":\"1\",\"s\":\"open")).isNull();
        assertThat(scanned("{\"_key\":\"a\",\"_rev\":\"1\"} {}")).isNull();
    }
}
