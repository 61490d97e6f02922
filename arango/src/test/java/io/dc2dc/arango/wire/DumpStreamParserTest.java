package io.dc2dc.arango.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.rev.Revisions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DumpStreamParserTest {

    private static List<RawDocument> parse(String body, int chunk) throws IOException {
        List<RawDocument> docs = new ArrayList<>();
        ParseStats stats =
                DumpStreamParser.parse(
                        new ChunkedInputStream(body.getBytes(StandardCharsets.UTF_8), chunk),
                        docs::add);
        assertThat(stats.records()).isEqualTo(docs.size());
        assertThat(stats.bytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        return docs;
    }

    @Test
    void parsesRawDocumentLinesWithExactBytes() throws IOException {
        String d1 =
                "{\"_key\":\"p1\",\"_id\":\"products/p1\",\"_rev\":\"_l6zhVTu---\",\"name\":\"flux"
                        + " compensator\"}";
        String d2 =
                "{\"name\":\"hybrid hovercraft\",\"hp\":5100,\"_rev\":\"_l6zhVTu--_\",\"_key\":\"p2\","
                        + "\"_id\":\"products/p2\",\"nested\":{\"_key\":\"not me\",\"_rev\":\"x\"}}";
        List<RawDocument> docs = parse(d1 + "\n" + d2 + "\n", 5);
        assertThat(docs)
                .containsExactly(
                        new RawDocument(
                                "p1",
                                Revisions.decode("_l6zhVTu---"),
                                d1.getBytes(StandardCharsets.UTF_8)),
                        new RawDocument(
                                "p2",
                                Revisions.decode("_l6zhVTu--_"),
                                d2.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unwrapsEnvelopes() throws IOException {
        String doc =
                "{\"_key\":\"123456\",\"_id\":\"c/123456\",\"_rev\":\"_c6CYsR2--_\",\"v\":[1,2]}";
        List<RawDocument> docs = parse("{\"type\":2300,\"data\":" + doc + "}\n", 1 << 16);
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).key()).isEqualTo("123456");
        assertThat(docs.get(0).json()).isEqualTo(doc);
        assertThat(docs.get(0).rev()).isEqualTo(Revisions.decode("_c6CYsR2--_"));
    }

    @Test
    void rawDocumentsWithTypeAndDataAttributesStayDocuments() throws IOException {
        String doc =
                "{\"type\":2302,\"data\":{\"_key\":\"inner\"},\"_key\":\"outer\",\"_rev\":\"_l6zhVTu---\"}";
        List<RawDocument> docs = parse(doc + "\n", 3);
        assertThat(docs.get(0).key()).isEqualTo("outer");
        assertThat(docs.get(0).json()).isEqualTo(doc);
    }

    @Test
    void handlesSpecialKeysAndUnicode() throws IOException {
        // every punctuation character ArangoDB allows in keys, an escaped one, and non-ASCII data
        String keys = "a_-:.@()+,=;$!*'%";
        String doc1 = "{\"_key\":\"" + keys + "\",\"_rev\":\"_l6zhVTu---\",\"t\":\"日本語 🚀\"}";
        String doc2 = "{\"_key\":\"k\\u0041\",\"_rev\":\"_l6zhVTu--A\",\"q\":\"\\\"}{\"}";
        List<RawDocument> docs = parse(doc1 + "\n" + doc2 + "\n", 2);
        assertThat(docs).extracting(RawDocument::key).containsExactly(keys, "kA");
        assertThat(docs.get(0).json()).isEqualTo(doc1);
        assertThat(docs.get(1).json()).isEqualTo(doc2);
    }

    @Test
    void streamsMultiMegabyteDocuments() throws IOException {
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String doc =
                    "{\"_key\":\"big"
                            + i
                            + "\",\"_rev\":\"_l6zhVTu---\",\"blob\":\""
                            + String.valueOf((char) ('a' + i)).repeat(3 * 1024 * 1024 + i)
                            + "\",\"after\":true}";
            expected.add(doc);
            body.append(doc).append('\n');
        }
        List<RawDocument> docs = parse(body.toString(), 64 * 1024);
        assertThat(docs).extracting(RawDocument::json).containsExactlyElementsOf(expected);
    }

    @Test
    void emptyBodyYieldsNothing() throws IOException {
        assertThat(parse("", 10)).isEmpty();
    }

    @Test
    void rejectsNonDocuments() {
        assertThatThrownBy(() -> parse("{\"type\":2302,\"data\":{\"_key\":\"a\"}}\n", 64))
                .hasMessageContaining("unexpected marker type 2302");
        assertThatThrownBy(() -> parse("{\"_key\":\"a\"}\n", 64)).hasMessageContaining("_rev");
        assertThatThrownBy(() -> parse("{\"_key\":\"a\",\"_rev\":\"bad rev\"}\n", 64))
                .hasMessageContaining("invalid _rev");
        assertThatThrownBy(() -> parse("[1]\n", 64)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\",}\n", 64))
                .isInstanceOf(IOException.class);
    }

    @Test
    void consumerExceptionsPropagateUnchanged() {
        IllegalStateException stop = new IllegalStateException("stop");
        assertThatThrownBy(
                        () ->
                                DumpStreamParser.parse(
                                        new ByteArrayInputStream(
                                                "{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\"}\n"
                                                        .getBytes(StandardCharsets.UTF_8)),
                                        d -> {
                                            throw stop;
                                        }))
                .isSameAs(stop);
    }
}
