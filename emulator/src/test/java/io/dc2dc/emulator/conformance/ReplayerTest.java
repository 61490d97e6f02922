package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The replay machinery end to end over real HTTP, against a server that plays the recording back.
 */
class ReplayerTest {

    private final ReplayHttp http = new ReplayHttp();

    private static ConformanceTarget target(URI url) {
        return new ConformanceTarget() {
            @Override
            public URI coordinator() {
                return url;
            }

            @Override
            public Optional<String> coordinatorAuthorization() {
                return Optional.of("bearer coordinator-token");
            }

            @Override
            public Optional<String> dbServerAuthorization() {
                return Optional.of("bearer superuser-token");
            }
        };
    }

    private Replayer.Result replay(Scenario s, UnaryOperator<String> body) throws Exception {
        Transcript t = RecordedExamples.load(s.id);
        try (RecordingServer server = new RecordingServer(answersInRequestOrder(s, t), body)) {
            return new Replayer(target(server.url()), http).replay(s);
        }
    }

    /** The fake answers every request; unlogged requests get the next logged response. */
    private static List<RecordedResponse> answersInRequestOrder(Scenario s, Transcript t) {
        int[] pairing = s.responseRequests(t);
        RecordedResponse[] answers = new RecordedResponse[t.requests().size()];
        for (int r = pairing.length - 1; r >= 0; r--) {
            answers[pairing[r]] = t.response(r);
        }
        for (int i = answers.length - 2; i >= 0; i--) {
            if (answers[i] == null) {
                answers[i] = answers[i + 1];
            }
        }
        return List.of(answers);
    }

    @Test
    void aServerThatPlaysTheRecordingBackConforms() throws Exception {
        Scenario s =
                Scenario.of("RestDocumentHandlerPatchDocumentMerge.txt", Area.DOCUMENTS)
                        .logged(0, 2, 3, 4);

        Replayer.Result result = replay(s, UnaryOperator.identity());

        assertThat(result.exchanges()).hasSize(4);
        assertThat(result.conforms()).as(result.report()).isTrue();
    }

    @Test
    void markerStreamsAndEmptyBodiesConform() throws Exception {
        for (String file :
                List.of(
                        "RestWalAccessTailingSome.txt",
                        "RestWalAccessTailingEmpty.txt",
                        "RestDocumentHandlerReadDocumentHead.txt",
                        "RestDocumentHandlerReadDocumentIfNoneMatch.txt")) {
            Replayer.Result result = replay(Scenario.of(file, Area.WAL), UnaryOperator.identity());
            assertThat(result.conforms()).as(result.report()).isTrue();
        }
    }

    @Test
    void sendsRewrittenRequestsWithAuthorization() throws Exception {
        Scenario s =
                Scenario.of("RestDocumentHandlerUpdateDocumentIfMatchOther.txt", Area.DOCUMENTS)
                        .setup(
                                ctx -> {
                                    ctx.bind(ctx.recordedKey(0), "newKey");
                                    ctx.bind(
                                            ctx.recordedRevisionHeader(0, "If-Match"),
                                            "_newRev---");
                                });
        Transcript t = RecordedExamples.load(s.id);
        try (RecordingServer server =
                new RecordingServer(t.responses(), UnaryOperator.identity())) {
            new Replayer(target(server.url()), http).replay(s);

            RecordedRequest got = server.received().get(0);
            assertThat(got.method()).isEqualTo("PUT");
            assertThat(got.target()).isEqualTo("/_api/document/products/newKey");
            assertThat(got.header("if-match")).contains("\"_newRev---\"");
            assertThat(got.header("authorization")).contains("bearer coordinator-token");
            assertThat(got.body()).isEqualTo("{\"other\":\"content\"}");
        }
    }

    @Test
    void aDifferentBodyIsReportedWithPathAndActualResponse() throws Exception {
        Replayer.Result result =
                replay(
                        Scenario.of("RestVersion.txt", Area.SERVER),
                        b -> b.replace("\"license\"", "\"licence\""));

        assertThat(result.conforms()).isFalse();
        assertThat(result.report())
                .contains("response 0 to GET /_api/version:")
                .contains("$: missing key \"license\"")
                .contains("$: unexpected key \"licence\"")
                .contains("actual response:\nHTTP 200");
    }

    @Test
    void unknownPathsAbortScenariosOfLaterAreasOnly() throws Exception {
        RecordedResponse unknownPath =
                new RecordedResponse(
                        404,
                        "Not Found",
                        List.of(new HeaderField("content-type", "application/json")),
                        "",
                        TranscriptParser.parseJsonValues(
                                "{\"code\":404,\"error\":true,\"errorMessage\":\"unknown path\",\"errorNum\":404}"));
        try (RecordingServer server =
                new RecordingServer(List.of(unknownPath), UnaryOperator.identity())) {
            Replayer replayer = new Replayer(target(server.url()), http);

            assertThatThrownBy(
                            () ->
                                    replayer.replay(
                                            Scenario.of("RestAnalyzersGet.txt", Area.ANALYZERS)))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessage("not emulated yet: GET /_api/analyzer");
            assertThat(replayer.replay(Scenario.of("RestEngine.txt", Area.SERVER)).conforms())
                    .isFalse();
        }
    }
}
