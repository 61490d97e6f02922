package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Error cases dc2dc must recognize but no transcript records for the document, collection and
 * database APIs (unknown database, unknown collection, duplicate name, unique constraint, illegal
 * key). The expected response is a recorded error response of the same HTTP status (its header set
 * and envelope) with the status and errorNum that arangodb-api.md §12 documents; the message text
 * is not compared. Not transcript replays: listed separately in CONFORMANCE.md.
 */
final class DerivedScenarios {

    private static final String NOT_FOUND =
            "docs-hugo-3.12/RestDocumentHandlerPostUnknownCollection1.txt";
    private static final String CONFLICT = "docs-hugo-3.12/RestTransactionAbortInternal.txt";
    private static final String BAD_REQUEST = "docs-hugo-3.12/RestDocumentHandlerPostBadJson1.txt";

    private DerivedScenarios() {}

    static List<Scenario> all() {
        return List.of(
                Scenario.derived(
                        "unknown-database",
                        Area.DATABASES,
                        () ->
                                expect(
                                        NOT_FOUND,
                                        "GET",
                                        "/_db/nosuchdatabase/_api/collection",
                                        null,
                                        404,
                                        1228)),
                Scenario.derived(
                                "unknown-collection",
                                Area.COLLECTIONS,
                                () ->
                                        expect(
                                                NOT_FOUND,
                                                "GET",
                                                "/_api/collection/nosuchcollection/properties",
                                                null,
                                                404,
                                                1203))
                        .setup(ctx -> ctx.fixture.dropCollection("nosuchcollection")),
                Scenario.derived(
                                "duplicate-collection-name",
                                Area.COLLECTIONS,
                                () ->
                                        expect(
                                                CONFLICT,
                                                "POST",
                                                "/_api/collection",
                                                "{\"name\":\"products\"}",
                                                409,
                                                1207))
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropCollection("products");
                                    ctx.fixture.createCollection("products");
                                })
                        .cleanup(f -> f.dropCollection("products")),
                Scenario.derived(
                                "unique-constraint-violated",
                                Area.DOCUMENTS,
                                () ->
                                        expect(
                                                CONFLICT,
                                                "POST",
                                                "/_api/document/products",
                                                "{\"_key\":\"abc\"}",
                                                409,
                                                1210))
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropCollection("products");
                                    ctx.fixture.createCollection("products");
                                    ctx.fixture.insert("products", "{'_key':'abc'}");
                                })
                        .cleanup(f -> f.dropCollection("products")),
                Scenario.derived(
                                "illegal-document-key",
                                Area.DOCUMENTS,
                                () ->
                                        expect(
                                                BAD_REQUEST,
                                                "POST",
                                                "/_api/document/products",
                                                "{\"_key\":\"a/b\"}",
                                                400,
                                                1221))
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropCollection("products");
                                    ctx.fixture.createCollection("products");
                                })
                        .cleanup(f -> f.dropCollection("products")));
    }

    /** One request; the template's first response with {@code status}, code and errorNum set. */
    static Transcript expect(
            String template, String method, String target, String body, int status, int errorNum) {
        Transcript t = RecordedExamples.load(template);
        RecordedResponse recorded = t.response(0);
        if (recorded.status() != status) {
            throw new IllegalArgumentException(template + " is no " + status + " response");
        }
        ObjectNode envelope =
                ((ObjectNode) recorded.json().deepCopy())
                        .put("code", status)
                        .put("errorNum", errorNum);
        RecordedRequest request =
                new RecordedRequest(
                        method,
                        target,
                        List.of(new HeaderField("accept", "application/json")),
                        body);
        RecordedResponse response =
                new RecordedResponse(
                        status,
                        recorded.reason(),
                        recorded.headers(),
                        envelope.toPrettyString(),
                        List.<JsonNode>of(envelope));
        return new Transcript(
                "derived",
                target,
                "derived from " + template,
                "cluster",
                "derived: " + method + " " + target + " -> " + status + "/" + errorNum,
                List.of(request),
                List.of(response));
    }
}
