package io.dc2dc.arango.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentArrayParserTest {

    @Test
    void parsesDocumentsAndCountsMissingOnes() throws IOException {
        String d1 = "{\"_key\":\"a\",\"_rev\":\"_l6zhVTu---\",\"x\":\"[{,}]\"}";
        String d2 = "{\"_rev\":\"_l6zhVTu--_\",\"_key\":\"b\",\"y\":[1,2,{\"z\":null}]}";
        String body = "[" + d1 + ",null,{}," + d2 + "]";
        List<RawDocument> docs = new ArrayList<>();
        ParseStats stats =
                DocumentArrayParser.parse(
                        new ChunkedInputStream(body.getBytes(StandardCharsets.UTF_8), 4),
                        docs::add);
        assertThat(stats.records()).isEqualTo(4);
        assertThat(docs).extracting(RawDocument::key).containsExactly("a", "b");
        assertThat(docs).extracting(RawDocument::json).containsExactly(d1, d2);
    }
}
