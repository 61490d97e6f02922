package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status, header and body comparison of recorded against actual responses. */
class ResponseComparatorTest {

    private static final Transcript OVERWRITE =
            RecordedExamples.load("docs-hugo-3.12/RestDocumentHandlerPostOverwrite.txt");

    /** The recorded response with the given headers replaced/removed, as if a server sent it. */
    private static ActualResponse asActual(
            RecordedResponse r, String body, String... headerOverrides) {
        List<HeaderField> headers = new ArrayList<>(r.headers());
        for (int i = 0; i < headerOverrides.length; i += 2) {
            String name = headerOverrides[i];
            headers.removeIf(h -> h.name().equals(name));
            if (headerOverrides[i + 1] != null) {
                headers.add(new HeaderField(name, headerOverrides[i + 1]));
            }
        }
        return new ActualResponse(r.status(), headers, body);
    }

    private static List<Difference> compare(RecordedResponse expected, ActualResponse actual) {
        return new ResponseComparator(new ShapeRules()).compare(expected, actual, new Bindings());
    }

    @Test
    void aRecordedResponseMatchesItselfIgnoringLengthAndDate() {
        RecordedResponse r = OVERWRITE.response(1);
        ActualResponse same =
                asActual(
                        r,
                        "{\"_id\":\"products/lock\",\"_key\":\"lock\",\"_rev\":\"_x\",\"_oldRev\":\"_y\"}",
                        "content-length",
                        "1",
                        "date",
                        "Mon, 01 Jan 2024 00:00:00 GMT");

        assertThat(compare(r, same)).isEmpty();
    }

    @Test
    void reportsStatusHeaderAndBodyDifferences() {
        RecordedResponse r = OVERWRITE.response(0);
        ActualResponse actual =
                new ActualResponse(
                        200,
                        List.of(
                                new HeaderField("content-type", "application/json; charset=utf-8"),
                                new HeaderField("server", "Jetty")),
                        "{\"_id\":\"products/lock\",\"_key\":\"lock\"}");

        List<String> d = compare(r, actual).stream().map(Difference::toString).toList();

        assertThat(d)
                .contains(
                        "status: status differs (expected 201, actual 200)",
                        "header content-type: value differs (expected application/json, actual application/json; charset=utf-8)",
                        "header server: value differs (expected ArangoDB, actual Jetty)",
                        "header etag: missing header (expected \"_l6zhVIC---\", actual <absent>)",
                        "$: missing key \"_rev\" (expected string \"_l6zhVIC---\", actual <absent>)");
    }

    @Test
    void comparesLocationsAfterBindingRecordedKeys() {
        assertThat(
                        ResponseComparator.sameLocation(
                                "/_db/_system/_api/document/products/70706",
                                "/_db/_system/_api/document/products/123"))
                .isTrue();
        assertThat(
                        ResponseComparator.sameLocation(
                                "/_db/_system/_api/document/products/lock",
                                "/_db/_system/_api/document/other/lock"))
                .isFalse();
        assertThat(
                        ResponseComparator.sameLocation(
                                "/_db/_system/_api/collection/p/shards",
                                "/_db/_system/_api/collection/p"))
                .isFalse();

        RecordedResponse r = OVERWRITE.response(0);
        ActualResponse moved =
                asActual(
                        r,
                        "{\"_id\":\"a\",\"_key\":\"b\",\"_rev\":\"c\"}",
                        "location",
                        "/_db/_system/_api/document/products/k2");
        assertThat(compare(r, moved))
                .singleElement()
                .extracting(Difference::where)
                .isEqualTo("header location");
        assertThat(
                        new ResponseComparator(new ShapeRules())
                                .compare(r, moved, new Bindings().bind("lock", "k2")))
                .isEmpty();
    }

    @Test
    void etagQuotingFollowsTheRecording() {
        RecordedResponse quoted = OVERWRITE.response(0);
        String body = "{\"_id\":\"a\",\"_key\":\"b\",\"_rev\":\"c\"}";

        assertThat(compare(quoted, asActual(quoted, body, "etag", "\"_x---\""))).isEmpty();
        assertThat(compare(quoted, asActual(quoted, body, "etag", "_x---")))
                .singleElement()
                .hasToString(
                        "header etag: revision quoting differs (expected \"_l6zhVIC---\", actual _x---)");
        RecordedResponse gharial =
                RecordedExamples.load("docs-hugo-3.12/HttpGharialGetVertex.txt").response(0);
        assertThat(gharial.header("etag"))
                .hasValueSatisfying(e -> assertThat(e).doesNotStartWith("\""));
    }

    @Test
    void toleratesDeclaredHeaders() {
        RecordedResponse r = OVERWRITE.response(0);
        ActualResponse actual =
                asActual(
                        r,
                        "{\"_id\":\"a\",\"_key\":\"b\",\"_rev\":\"c\"}",
                        "etag",
                        null,
                        "x-extra",
                        "1");
        ShapeRules rules =
                new ShapeRules()
                        .allowMissingHeaders("test", "etag")
                        .allowExtraHeaders("test", "X-Extra");

        assertThat(new ResponseComparator(rules).compare(r, actual, new Bindings())).isEmpty();
    }

    @Test
    void requiresMarkerStreamsToBeCompactJsonLines() {
        RecordedResponse r =
                RecordedExamples.load("docs-hugo-3.12/RestWalAccessTailingSome.txt").response(0);
        String record = "{\"tick\":\"5\",\"type\":2001,\"db\":\"_system\",\"cuid\":\"c1\"}";

        assertThat(compare(r, asActual(r, record + "\n"))).isEmpty();
        assertThat(
                        compare(
                                r,
                                asActual(
                                        r,
                                        "{\n \"tick\":\"5\",\"type\":2001,\"db\":\"_system\",\"cuid\":\"c1\"}\n")))
                .singleElement()
                .extracting(Difference::problem)
                .isEqualTo("not one record per \\n-terminated line");
    }

    @Test
    void emptyRecordedBodyMeansNoBody() {
        RecordedResponse r =
                RecordedExamples.load(
                                "docs-hugo-3.12/RestDocumentHandlerReadDocumentIfNoneMatch.txt")
                        .response(0);

        assertThat(compare(r, asActual(r, ""))).isEmpty();
        assertThat(compare(r, asActual(r, "{}")))
                .singleElement()
                .extracting(Difference::problem)
                .isEqualTo("unexpected body");
    }
}
