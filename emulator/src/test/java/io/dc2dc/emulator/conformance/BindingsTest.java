package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Token-exact rewriting of recorded keys, revisions and ids. */
class BindingsTest {

    @Test
    void replacesWholeTokensOnly() {
        Bindings b = new Bindings().bind("7070", "K1");

        assertThat(b.apply("/_api/document/products/7070")).isEqualTo("/_api/document/products/K1");
        assertThat(b.apply("/_api/document/products/170706"))
                .isEqualTo("/_api/document/products/170706");
        assertThat(b.apply("from=7070&chunkSize=400")).isEqualTo("from=K1&chunkSize=400");
    }

    @Test
    void replacesRevisionsInsideQuotesAndDoesNotChain() {
        Bindings b = new Bindings().bind("_l6zhVLO--_", "_new---").bind("_new---", "wrong");

        assertThat(b.apply("\"_l6zhVLO--_\"")).isEqualTo("\"_new---\"");
    }

    @Test
    void rewritesTargetHeadersAndBody() {
        RecordedRequest r =
                new RecordedRequest(
                        "PUT",
                        "/_api/document/products/1",
                        List.of(new HeaderField("If-Match", "\"_a--\"")),
                        "{\"_key\":\"1\"}");

        RecordedRequest rewritten = r.rewrite(new Bindings().bind("1", "k9").bind("_a--", "_b--"));

        assertThat(rewritten.target()).isEqualTo("/_api/document/products/k9");
        assertThat(rewritten.header("if-match")).contains("\"_b--\"");
        assertThat(rewritten.body()).isEqualTo("{\"_key\":\"k9\"}");
    }
}
