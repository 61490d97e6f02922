package io.dc2dc.emulator.conformance;

import java.util.List;

/**
 * Replays of the document API transcripts (insert single/multi/overwrite/returnNew/errors, read,
 * replace, update, remove). Each setup mirrors the example script: collection {@code products}
 * (re)created, documents saved, recorded keys and revisions bound to the new ones.
 */
final class DocumentScenarios {

    private static final String PRODUCTS = "products";
    private static final String TWO_DOCS =
            "[{'_key':'1','type':'tv'},{'_key':'2','type':'cookbook'}]";

    private DocumentScenarios() {}

    static List<Scenario> all() {
        return List.of(
                // --- insert ---
                doc("RestDocumentHandlerPostCreate1.txt", "{'waitForSync':true}"),
                doc("RestDocumentHandlerPostAccept1.txt", "{'waitForSync':false}"),
                doc("RestDocumentHandlerPostWait1.txt", "{'waitForSync':false}"),
                doc("RestDocumentHandlerPostMulti1.txt", null),
                doc("RestDocumentHandlerPostMulti2.txt", null),
                doc("RestDocumentHandlerPostReturnNew.txt", null),
                doc("RestDocumentHandlerPostOverwrite.txt", "{'waitForSync':true}"),
                doc("RestDocumentHandlerPostBadJson1.txt", null),
                doc("RestDocumentHandlerPostBadJsonMulti.txt", null),
                Scenario.of("RestDocumentHandlerPostUnknownCollection1.txt", Area.DOCUMENTS)
                        .setup(ctx -> ctx.fixture.dropCollection(PRODUCTS)),
                // --- read ---
                oneDoc("RestDocumentHandlerReadDocument.txt", "{'hello':'world'}"),
                oneDoc("RestDocumentHandlerReadDocumentHead.txt", "{'hello':'world'}"),
                Scenario.of("RestDocumentHandlerReadDocumentIfNoneMatch.txt", Area.DOCUMENTS)
                        .setup(
                                ctx -> {
                                    Fixture.DocRef d = products(ctx, null, "{'hello':'world'}");
                                    ctx.bind(ctx.recordedKey(0), d.key());
                                    ctx.bind(
                                            ctx.recordedRevisionHeader(0, "If-None-Match"),
                                            d.rev());
                                })
                        .cleanup(DocumentScenarios::dropProducts),
                doc("RestDocumentHandlerReadDocumentUnknownHandle.txt", null),
                Scenario.of("RestDocumentHandlerReadMultiDocument.txt", Area.DOCUMENTS)
                        .setup(
                                ctx -> {
                                    products(ctx, null, null);
                                    ctx.fixture.insert(PRODUCTS, "{'_key':'doc1','hello':'world'}");
                                    ctx.fixture.insert(
                                            PRODUCTS, "{'_key':'doc2','say':'hi to mom'}");
                                })
                        .cleanup(DocumentScenarios::dropProducts),
                // --- replace / update ---
                oneDoc("RestDocumentHandlerUpdateDocument.txt", "{'hello':'world'}"),
                ifMatchOther("RestDocumentHandlerUpdateDocumentIfMatchOther.txt"),
                removedDoc("RestDocumentHandlerUpdateDocumentUnknownHandle.txt"),
                oneDoc("RestDocumentHandlerPatchDocument.txt", "{'one':'world'}"),
                oneDoc(
                                "RestDocumentHandlerPatchDocumentMerge.txt",
                                "{'inhabitants':{'china':1366980000,'india':1263590000,'usa':319220000}}")
                        .logged(0, 2, 3, 4), // the first PATCH's response is not logged
                // --- remove ---
                oneDocWaitForSync("RestDocumentHandlerDeleteDocument.txt"),
                ifMatchOther("RestDocumentHandlerDeleteDocumentIfMatchOther.txt"),
                removedDoc("RestDocumentHandlerDeleteDocumentUnknownHandle.txt"),
                twoDocs("RestDocumentHandlerDeleteDocumentIdentifierMulti.txt"),
                twoDocs("RestDocumentHandlerDeleteDocumentKeyMulti.txt"),
                twoDocs("RestDocumentHandlerDeleteDocumentObjectMulti.txt"),
                twoDocs("RestDocumentHandlerDeleteDocumentRevConflictMulti.txt"),
                Scenario.of("RestDocumentHandlerDeleteDocumentRevMulti.txt", Area.DOCUMENTS)
                        .setup(
                                ctx -> {
                                    products(ctx, "{'waitForSync':true}", null);
                                    List<Fixture.DocRef> docs =
                                            ctx.fixture.insertAll(PRODUCTS, TWO_DOCS);
                                    for (int i = 0; i < docs.size(); i++) {
                                        ctx.bind(
                                                ctx.recordedBody(0).get(i).get("_rev").asText(),
                                                docs.get(i).rev());
                                    }
                                })
                        .cleanup(DocumentScenarios::dropProducts),
                Scenario.of("RestDocumentHandlerDeleteDocumentUnknownMulti.txt", Area.DOCUMENTS)
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropCollection("other");
                                    products(ctx, "{'waitForSync':true}", null);
                                    ctx.fixture.createCollection("other", "{'waitForSync':true}");
                                    ctx.fixture.insertAll(PRODUCTS, TWO_DOCS);
                                    ctx.fixture.remove(PRODUCTS, "1");
                                    ctx.fixture.remove(PRODUCTS, "2");
                                    ctx.fixture.insert("other", "{'_key':'2'}");
                                })
                        .cleanup(
                                f -> {
                                    f.dropCollection(PRODUCTS);
                                    f.dropCollection("other");
                                }));
    }

    /** {@code db._drop("products"); db._create("products", props)} and one optional document. */
    private static Fixture.DocRef products(ReplayContext ctx, String properties, String doc) {
        ctx.fixture.dropCollection(PRODUCTS);
        ctx.fixture.createCollection(PRODUCTS, properties);
        return doc == null ? null : ctx.fixture.insert(PRODUCTS, doc);
    }

    private static void dropProducts(Fixture f) {
        f.dropCollection(PRODUCTS);
    }

    /** An empty {@code products} collection created with {@code properties}. */
    private static Scenario doc(String file, String properties) {
        return Scenario.of(file, Area.DOCUMENTS)
                .setup(ctx -> products(ctx, properties, null))
                .cleanup(DocumentScenarios::dropProducts);
    }

    /** One saved document addressed by the recorded requests through its generated key. */
    private static Scenario oneDoc(String file, String doc) {
        return Scenario.of(file, Area.DOCUMENTS)
                .setup(ctx -> ctx.bind(ctx.recordedKey(0), products(ctx, null, doc).key()))
                .cleanup(DocumentScenarios::dropProducts);
    }

    private static Scenario oneDocWaitForSync(String file) {
        return Scenario.of(file, Area.DOCUMENTS)
                .setup(
                        ctx ->
                                ctx.bind(
                                        ctx.recordedKey(0),
                                        products(ctx, "{'waitForSync':true}", "{'hello':'world'}")
                                                .key()))
                .cleanup(DocumentScenarios::dropProducts);
    }

    /** A document saved and removed again, then addressed by its old key. */
    private static Scenario removedDoc(String file) {
        return Scenario.of(file, Area.DOCUMENTS)
                .setup(
                        ctx -> {
                            Fixture.DocRef d =
                                    products(ctx, "{'waitForSync':true}", "{'hello':'world'}");
                            ctx.fixture.remove(PRODUCTS, d.key());
                            ctx.bind(ctx.recordedKey(0), d.key());
                        })
                .cleanup(DocumentScenarios::dropProducts);
    }

    /** Two documents; the request addresses the first with the second's revision in If-Match. */
    private static Scenario ifMatchOther(String file) {
        return Scenario.of(file, Area.DOCUMENTS)
                .setup(
                        ctx -> {
                            Fixture.DocRef first = products(ctx, null, "{'hello':'world'}");
                            Fixture.DocRef second =
                                    ctx.fixture.insert(PRODUCTS, "{'hello2':'world'}");
                            ctx.bind(ctx.recordedKey(0), first.key());
                            ctx.bind(ctx.recordedRevisionHeader(0, "If-Match"), second.rev());
                        })
                .cleanup(DocumentScenarios::dropProducts);
    }

    /** Documents with keys 1 and 2 (fixed keys, nothing to bind). */
    private static Scenario twoDocs(String file) {
        return Scenario.of(file, Area.DOCUMENTS)
                .setup(
                        ctx -> {
                            products(ctx, "{'waitForSync':true}", null);
                            ctx.fixture.insertAll(PRODUCTS, TWO_DOCS);
                        })
                .cleanup(DocumentScenarios::dropProducts);
    }
}
