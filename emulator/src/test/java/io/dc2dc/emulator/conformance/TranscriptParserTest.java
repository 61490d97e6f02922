package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses the recorded transcripts alone (no server) and checks a few known values. */
class TranscriptParserTest {

    static List<String> docsHugoTranscripts() {
        return RecordedExamples.allIds().stream()
                .filter(id -> id.startsWith("docs-hugo-"))
                .toList();
    }

    @Test
    void findsAllTranscriptDirectories() {
        List<String> ids = RecordedExamples.allIds();
        assertThat(ids).hasSizeGreaterThan(300);
        assertThat(ids).anyMatch(id -> id.startsWith("docs-hugo-3.11/"));
        assertThat(ids).anyMatch(id -> id.startsWith("docs-hugo-3.12/"));
        assertThat(ids).anyMatch(id -> id.startsWith("docs-quoted/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docsHugoTranscripts")
    void parsesEveryDocsHugoTranscript(String id) {
        Transcript t = RecordedExamples.load(id);

        assertThat(t.example()).isEqualTo(t.file().replace("_cluster", "").replace(".txt", ""));
        assertThat(t.deployment()).isIn("single", "cluster");
        assertThat(t.definition()).contains("name: " + t.example());
        assertThat(t.requests()).isNotEmpty();
        assertThat(t.responses()).isNotEmpty().hasSizeLessThanOrEqualTo(t.requests().size());
        for (RecordedRequest r : t.requests()) {
            assertThat(r.method()).isIn("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
            assertThat(r.target()).startsWith("/_");
            assertThat(r.header("accept")).contains("application/json");
        }
        for (RecordedResponse r : t.responses()) {
            assertThat(r.header("server")).contains("ArangoDB");
            assertThat(r.header("content-type")).isPresent();
            if (!r.isMarkerStream() && !r.body().isEmpty()) {
                assertThat(r.records()).as("one JSON value in %s", r.body()).hasSize(1);
            }
        }
    }

    @Test
    void rejectsFilesWithoutDocsHugoFraming() {
        assertThatThrownBy(
                        () -> TranscriptParser.parse("docs-quoted", "x.txt", "-----\n{}\n-----\n"))
                .isInstanceOf(TranscriptParser.TranscriptFormatException.class)
                .hasMessage("x.txt: not a docs-hugo transcript (missing header or section marks)");
    }

    @Test
    void readsTheAbridgedQuotedClusterResponses() {
        Transcript t =
                RecordedExamples.load(
                        "docs-quoted/kubernetes-drain-health-and-clusterInventory.txt");

        assertThat(t.requests())
                .extracting(RecordedRequest::toString)
                .containsExactly(
                        "GET /_admin/cluster/health",
                        "GET /_db/_system/_api/replication/clusterInventory");
        JsonNode health = t.response(0).json().get("Health");
        assertThat(health.size()).isEqualTo(3);
        assertThat(health.get("PRMR-wbsq47rz").get("Role").asText()).isEqualTo("DBServer");
        JsonNode inventory = t.response(1).json();
        assertThat(inventory.get("collections")).hasSize(1);
        assertThat(inventory.get("collections").get(0).get("parameters").get("shards").size())
                .isEqualTo(6);
        assertThat(inventory.get("state").asText()).isEqualTo("unused");
    }

    @Test
    void parsesAPlainGet() {
        Transcript t = RecordedExamples.load("docs-hugo-3.12/RestVersion.txt");

        assertThat(t.example()).isEqualTo("RestVersion");
        assertThat(t.isCluster()).isFalse();
        assertThat(t.requests()).singleElement().hasToString("GET /_api/version");
        assertThat(t.request(0).body()).isNull();
        RecordedResponse r = t.response(0);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.header("x-content-type-options")).contains("nosniff");
        assertThat(r.header("content-length")).contains("137");
        assertThat(r.json().get("server").asText()).isEqualTo("arango");
        assertThat(r.json().get("apiVersions").get(0).asText()).isEqualTo("v0");
    }

    @Test
    void parsesHereDocBodiesAndSeveralExchanges() {
        Transcript t = RecordedExamples.load("docs-hugo-3.12/RestDocumentHandlerPostOverwrite.txt");

        assertThat(t.requests()).hasSize(2);
        assertThat(t.request(1).method()).isEqualTo("POST");
        assertThat(t.request(1).target()).isEqualTo("/_api/document/products?overwrite=true");
        assertThat(t.request(1).queryParameter("overwrite")).contains("true");
        assertThat(t.request(1).body())
                .isEqualTo("{ \"Hello\": \"Universe\", \"_key\" : \"lock\" }");
        assertThat(t.responses()).extracting(RecordedResponse::status).containsExactly(201, 201);
        assertThat(t.response(1).header("location"))
                .contains("/_db/_system/_api/document/products/lock");
        assertThat(t.response(1).json().has("_oldRev")).isTrue();
    }

    @Test
    void keepsInvalidJsonRequestBodiesVerbatim() {
        Transcript t = RecordedExamples.load("docs-hugo-3.12/RestDocumentHandlerPostBadJson1.txt");

        assertThat(t.request(0).body()).isEqualTo("{ 1: \"World\" }");
        assertThat(t.response(0).json().get("errorNum").asInt()).isEqualTo(600);
    }

    @Test
    void parsesConditionalHeadersAndHead() {
        Transcript put =
                RecordedExamples.load(
                        "docs-hugo-3.12/RestDocumentHandlerUpdateDocumentIfMatchOther.txt");
        assertThat(put.request(0).header("if-match")).contains("\"_l6zhVLO--_\"");
        assertThat(put.request(0).lastPathSegment()).isEqualTo("70685");

        Transcript head =
                RecordedExamples.load("docs-hugo-3.12/RestDocumentHandlerReadDocumentHead.txt");
        assertThat(head.request(0).method()).isEqualTo("HEAD");
        assertThat(head.response(0).records()).isEmpty();
        assertThat(head.response(0).body()).isEmpty();
    }

    @Test
    void splitsPrettyPrintedMarkerStreamsIntoRecords() {
        Transcript tail = RecordedExamples.load("docs-hugo-3.12/RestWalAccessTailingSome.txt");
        RecordedResponse r = tail.response(0);
        assertThat(r.isMarkerStream()).isTrue();
        assertThat(r.records())
                .singleElement()
                .satisfies(m -> assertThat(m.get("tick").asText()).isEqualTo("184793"));
        assertThat(r.header("x-arango-replication-lastincluded")).contains("184793");
        assertThat(tail.request(0).queryParameter("from")).contains("184777");

        Transcript follow =
                RecordedExamples.load("docs-hugo-3.11/RestReplicationLoggerFollowSome.txt");
        List<JsonNode> markers = follow.response(0).records();
        assertThat(markers).hasSizeGreaterThanOrEqualTo(3);
        assertThat(markers).extracting(m -> m.get("type").asInt()).contains(2300, 2001);
    }

    @Test
    void parsesCompactJsonLines() {
        assertThat(TranscriptParser.parseJsonValues("{\"a\":1}\n{\"a\":2}\n")).hasSize(2);
        assertThat(TranscriptParser.parseJsonValues("")).isEmpty();
        assertThat(TranscriptParser.parseJsonValues("[ {\"a\":1}, {\"a\":2} ]"))
                .singleElement()
                .satisfies(v -> assertThat(v.isArray()).isTrue());
        assertThatThrownBy(() -> TranscriptParser.parseJsonValues("{ 1: 2 }"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void curlParserRejectsWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> CurlCommand.parse("curl -k 'http://x/_api/version'", null))
                .hasMessageContaining("unknown curl argument: -k");
        assertThatThrownBy(() -> CurlCommand.parse("curl --data-binary @- 'http://x/_api/y'", null))
                .hasMessageContaining("here-doc");
        assertThat(CurlCommand.tokenize("curl --header 'a: \"b c\"' x"))
                .containsExactly("curl", "--header", "a: \"b c\"", "x");
    }
}
