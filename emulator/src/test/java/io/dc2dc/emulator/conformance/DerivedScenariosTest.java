package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The derived error expectations: recorded envelope and headers, documented status and errorNum.
 */
class DerivedScenariosTest {

    @Test
    void buildsTheExpectationFromARecordedErrorOfTheSameStatus() {
        Transcript t =
                DerivedScenarios.expect(
                        "docs-hugo-3.12/RestDocumentHandlerPostUnknownCollection1.txt",
                        "GET",
                        "/_db/nosuch/_api/collection",
                        null,
                        404,
                        1228);

        assertThat(t.requests()).singleElement().hasToString("GET /_db/nosuch/_api/collection");
        RecordedResponse r = t.response(0);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errorNum").asInt()).isEqualTo(1228);
        assertThat(r.json().get("code").asInt()).isEqualTo(404);
        assertThat(r.json().get("error").asBoolean()).isTrue();
        assertThat(r.header("x-content-type-options")).contains("nosniff");
    }

    @Test
    void rejectsATemplateOfAnotherStatus() {
        assertThatThrownBy(
                        () ->
                                DerivedScenarios.expect(
                                        "docs-hugo-3.12/RestVersion.txt",
                                        "GET",
                                        "/x",
                                        null,
                                        404,
                                        1228))
                .hasMessageContaining("is no 404 response");
    }

    @Test
    void everyDerivedScenarioHasOneRequestAndOneResponse() {
        List<Scenario> all = DerivedScenarios.all();

        assertThat(all)
                .hasSize(5)
                .allSatisfy(
                        s -> {
                            Transcript t = s.transcript();
                            assertThat(s.responseRequests(t)).containsExactly(0);
                            assertThat(t.response(0).json().get("error").asBoolean()).isTrue();
                        });
    }
}
