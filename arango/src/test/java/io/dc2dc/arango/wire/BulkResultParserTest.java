package io.dc2dc.arango.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.error.ErrorNums;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkResultParserTest {

    private InputStream transcript(String name) {
        return getClass().getResourceAsStream("/transcripts/" + name + ".body");
    }

    @Test
    void parsesPartialFailureOfAnArrayInsert() throws IOException {
        // RestDocumentHandlerPostBadJsonMulti: [{"_key":111},{"_key":"abc"}]
        List<String> sentKeys = List.of("111", "abc");
        BulkResult r;
        try (InputStream in = transcript("RestDocumentHandlerPostBadJsonMulti")) {
            r = BulkResultParser.parse(in, 2, "{\"1221\":1}", sentKeys::get, e -> false);
        }
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.succeeded()).isEqualTo(1);
        assertThat(r.ignored()).isZero();
        assertThat(r.errors())
                .containsExactly(new BulkResult.ItemError(0, "111", 1221, "illegal document key"));
        assertThat(r.errorCodes()).isEqualTo(Map.of(1221, 1));
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.hasOnlyTransientErrors()).isFalse();
    }

    @Test
    void silentAnswersTellWhetherEveryItemSucceeded() throws IOException {
        assertThat(BulkResultParser.isEmptyAnswer(stream("[]"))).isTrue();
        assertThat(BulkResultParser.isEmptyAnswer(stream(" [ ] "))).isTrue();
        assertThat(BulkResultParser.isEmptyAnswer(stream("{}"))).isTrue();
        assertThat(
                        BulkResultParser.isEmptyAnswer(
                                stream(
                                        "[{\"error\":true,\"errorNum\":1210,"
                                                + "\"errorMessage\":\"unique constraint violated\"}]")))
                .isFalse();
        assertThatThrownBy(() -> BulkResultParser.isEmptyAnswer(stream("\"done\"")))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("neither a JSON array nor an object");
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsMissingDocumentsOfARemoveAsSuccess() throws IOException {
        // RestDocumentHandlerDeleteDocumentUnknownMulti: both keys unknown, 1202 twice
        BulkResult r;
        try (InputStream in = transcript("RestDocumentHandlerDeleteDocumentUnknownMulti")) {
            r =
                    BulkResultParser.parse(
                            in,
                            2,
                            "{\"1202\":2}",
                            List.of("1", "other/2")::get,
                            e -> e == ErrorNums.DOCUMENT_NOT_FOUND);
        }
        assertThat(r.succeeded()).isEqualTo(2);
        assertThat(r.ignored()).isEqualTo(2);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.errorCodes()).containsEntry(1202, 2);
    }

    @Test
    void skipsNestedNewDocumentsOfSuccessItems() throws IOException {
        BulkResult r;
        try (InputStream in = transcript("RestDocumentHandlerPostMulti2")) {
            r = BulkResultParser.parse(in, 3, null, i -> "k" + i, e -> false);
        }
        assertThat(r.succeeded()).isEqualTo(3);
        assertThat(r.errorCodes()).isEmpty();
    }

    @Test
    void classifiesTransientItemErrors() throws IOException {
        String body =
                "[{\"error\":true,\"errorNum\":1004,\"errorMessage\":\"collection is read-only\"},"
                        + "{\"error\":true,\"errorNum\":1429,\"errorMessage\":\"write concern not"
                        + " fulfilled\"}]";
        BulkResult r =
                BulkResultParser.parse(
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                        2,
                        "{\"1004\":1,\"1429\":1}",
                        i -> "k" + i,
                        e -> false);
        assertThat(r.hasOnlyTransientErrors()).isTrue();
        assertThat(r.errors()).extracting(BulkResult.ItemError::key).containsExactly("k0", "k1");
    }

    @Test
    void rejectsResponsesThatDoNotMatchTheRequest() {
        assertThatThrownBy(
                        () ->
                                BulkResultParser.parse(
                                        new ByteArrayInputStream("[{}]".getBytes()),
                                        2,
                                        null,
                                        i -> null,
                                        e -> false))
                .hasMessageContaining("1 items for 2 sent");
        assertThatThrownBy(
                        () ->
                                BulkResultParser.parse(
                                        new ByteArrayInputStream(
                                                "{\"error\":true,\"errorNum\":1203}".getBytes()),
                                        1,
                                        null,
                                        i -> null,
                                        e -> false))
                .hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> BulkResultParser.parseErrorCodes("{\"x\":1}"))
                .hasMessageContaining("bad x-arango-error-codes");
    }

    @Test
    void extractsKeysOfSentDocuments() {
        assertThat(BulkResultParser.keyOf("{\"a\":{\"_key\":\"no\"},\"_key\":\"yes\"}".getBytes()))
                .isEqualTo("yes");
        assertThat(BulkResultParser.keyOf("{\"_key\":111}".getBytes())).isNull();
        assertThat(BulkResultParser.keyOf("not json".getBytes())).isNull();
    }
}
