package io.dc2dc.emulator.conformance;

import java.util.List;

/**
 * Replays of the index and view transcripts. Both areas are added to the emulator later: until then
 * their replays are skipped with "not emulated yet".
 */
final class IndexAndViewScenarios {

    private static final String VIEW = "productsView";
    private static final String TITLE_INVERTED =
            "{'type':'inverted','name':'inv-idx','fields':[{'name':'title','analyzer':'text_en'}]}";
    private static final String BOOKS_TITLE_LINK =
            "{'links':{'books':{'fields':{'title':{'analyzers':['text_en']}}}}}";

    private IndexAndViewScenarios() {}

    static List<Scenario> all() {
        return List.of(
                // --- indexes ---
                Scenario.of("RestIndexAllIndexes.txt", Area.INDEXES)
                        .rules(r -> r.mapAt("$.identifiers", "type"))
                        .setup(
                                ctx -> {
                                    fresh(ctx.fixture, "products");
                                    index(
                                            ctx.fixture,
                                            "products",
                                            "{'type':'persistent','fields':['name']}");
                                    index(
                                            ctx.fixture,
                                            "products",
                                            "{'type':'persistent','fields':['price'],'sparse':true}");
                                })
                        .cleanup(f -> f.dropCollection("products")),
                createIndex("RestIndexCreateGeoLatitudeLongitude.txt", "products"),
                createIndex("RestIndexCreateGeoLocation.txt", "products"),
                createIndex("RestIndexCreateNewFulltext.txt", "products"),
                createIndex("RestIndexCreateNewInverted.txt", "products"),
                createIndex("RestIndexCreateNewMdi.txt", "intervals"),
                createIndex("RestIndexCreateNewMdiPrefixed.txt", "intervals"),
                createIndex("RestIndexCreateNewPersistent.txt", "products"),
                createIndex("RestIndexCreateNewTtlIndex.txt", "sessions"),
                createIndex("RestIndexCreateSparsePersistent.txt", "products"),
                Scenario.of("RestIndexDeleteUniquePersistent.txt", Area.INDEXES)
                        .setup(
                                ctx -> {
                                    fresh(ctx.fixture, "products");
                                    String id =
                                            index(
                                                    ctx.fixture,
                                                    "products",
                                                    "{'type':'persistent','fields':['a','b']}");
                                    ctx.bind(ctx.recordedKey(0), id.substring(id.indexOf('/') + 1));
                                })
                        .cleanup(f -> f.dropCollection("products")),
                createIndex("RestIndexPrimaryIndex.txt", "products"),
                // --- views ---
                viewById("RestViewDeleteViewIdentifierArangoSearch.txt", 1, null),
                Scenario.of("RestViewDeleteViewNameArangoSearch.txt", Area.VIEWS)
                        .setup(ctx -> view(ctx.fixture, VIEW, "arangosearch", null))
                        .cleanup(f -> dropView(f, VIEW)),
                Scenario.of("RestViewGetAllViews.txt", Area.VIEWS)
                        .setup(
                                ctx -> {
                                    view(ctx.fixture, VIEW, "search-alias", null);
                                    view(ctx.fixture, "reviewsView", "arangosearch", null);
                                })
                        .cleanup(
                                f -> {
                                    dropView(f, VIEW);
                                    dropView(f, "reviewsView");
                                }),
                viewById("RestViewGetViewIdentifierArangoSearch.txt", 1, null),
                Scenario.of("RestViewGetViewNameArangoSearch.txt", Area.VIEWS)
                        .setup(ctx -> view(ctx.fixture, VIEW, "arangosearch", null))
                        .cleanup(f -> dropView(f, VIEW)),
                booksView(
                        viewById(
                                "RestViewGetViewPropertiesIdentifierArangoSearch.txt",
                                2,
                                BOOKS_TITLE_LINK),
                        false),
                booksView(
                        viewById("RestViewGetViewPropertiesIdentifierSearchAlias.txt", 2, null),
                        true),
                booksView(
                        named(
                                "RestViewGetViewPropertiesNameArangoSearch.txt",
                                "arangosearch",
                                BOOKS_TITLE_LINK),
                        false),
                booksView(
                        named("RestViewGetViewPropertiesNameSearchAlias.txt", "search-alias", null),
                        true),
                usersAndProductsView(
                        "RestViewPatchPropertiesArangoSearch.txt",
                        "{'cleanupIntervalStep':666,'commitIntervalMsec':666,'consolidationIntervalMsec':666,"
                                + "'links':{'users':{'includeAllFields':true},"
                                + "'products':{'fields':{'description':{'analyzers':['text_en']}}}}}"),
                usersAndProductsView(
                        "RestViewPutPropertiesArangoSearch.txt",
                        "{'commitIntervalMsec':1337,'links':{'users':{},'products':{}}}"),
                twoInvertedIndexesView("RestViewPatchPropertiesSearchAlias.txt"),
                twoInvertedIndexesView("RestViewPutPropertiesSearchAlias.txt"),
                Scenario.of("RestViewPostViewArangoSearch.txt", Area.VIEWS)
                        .setup(ctx -> dropView(ctx.fixture, "products"))
                        .cleanup(f -> dropView(f, "products")),
                Scenario.of("RestViewPostViewSearchAlias.txt", Area.VIEWS)
                        .setup(
                                ctx -> {
                                    dropView(ctx.fixture, "products");
                                    fresh(ctx.fixture, "books");
                                    index(ctx.fixture, "books", TITLE_INVERTED);
                                })
                        .cleanup(
                                f -> {
                                    dropView(f, "products");
                                    f.dropCollection("books");
                                }));
    }

    private static void fresh(Fixture f, String collection) {
        f.dropCollection(collection);
        f.createCollection(collection);
    }

    /** {@code ensureIndex(definition)}; returns the index id ({@code products/123}). */
    private static String index(Fixture f, String collection, String definition) {
        return f.call(
                        "POST",
                        "/_api/index?collection=" + collection,
                        Fixture.json(definition),
                        200,
                        201)
                .get("id")
                .asText();
    }

    /** {@code db._createView(name, type, properties)} after dropping it; returns the view id. */
    private static String view(Fixture f, String name, String type, String properties) {
        dropView(f, name);
        String body =
                Fixture.json(properties == null ? "{}" : properties, "name", name, "type", type);
        return f.call("POST", "/_api/view", body, 200, 201).get("id").asText();
    }

    private static void dropView(Fixture f, String name) {
        f.call("DELETE", "/_api/view/" + name, null, 200, 404);
    }

    /** An empty collection; the recorded request creates an index on it. */
    private static Scenario createIndex(String file, String collection) {
        return Scenario.of(file, Area.INDEXES)
                .setup(ctx -> fresh(ctx.fixture, collection))
                .cleanup(f -> f.dropCollection(collection));
    }

    /**
     * {@code productsView} addressed by id; {@code fromEnd} is the position of the id among the
     * recorded path segments counted from the end (1 = last).
     */
    private static Scenario viewById(String file, int fromEnd, String properties) {
        String type = file.contains("SearchAlias") ? "search-alias" : "arangosearch";
        return Scenario.of(file, Area.VIEWS)
                .setup(
                        ctx -> {
                            String[] path = ctx.transcript.request(0).path().split("/");
                            String props =
                                    type.equals("search-alias")
                                            ? "{'indexes':[{'collection':'books','index':'inv-idx'}]}"
                                            : properties;
                            ctx.bind(
                                    path[path.length - fromEnd],
                                    view(ctx.fixture, VIEW, type, props));
                        })
                .cleanup(f -> dropView(f, VIEW));
    }

    private static Scenario named(String file, String type, String properties) {
        String props =
                type.equals("search-alias")
                        ? "{'indexes':[{'collection':'books','index':'inv-idx'}]}"
                        : properties;
        return Scenario.of(file, Area.VIEWS)
                .setup(ctx -> view(ctx.fixture, VIEW, type, props))
                .cleanup(f -> dropView(f, VIEW));
    }

    /** Prepends collection {@code books} (with the inverted index a search-alias view needs). */
    private static Scenario booksView(Scenario s, boolean invertedIndex) {
        Scenario.Setup viewSetup = s.setup();
        Scenario.Cleanup viewCleanup = s.cleanup();
        return s.setup(
                        ctx -> {
                            dropView(ctx.fixture, VIEW);
                            fresh(ctx.fixture, "books");
                            if (invertedIndex) {
                                index(ctx.fixture, "books", TITLE_INVERTED);
                            }
                            viewSetup.run(ctx);
                        })
                .cleanup(
                        f -> {
                            viewCleanup.run(f);
                            f.dropCollection("books");
                        });
    }

    private static Scenario usersAndProductsView(String file, String properties) {
        return Scenario.of(file, Area.VIEWS)
                .setup(
                        ctx -> {
                            dropView(ctx.fixture, VIEW);
                            fresh(ctx.fixture, "users");
                            fresh(ctx.fixture, "products");
                            view(ctx.fixture, VIEW, "arangosearch", properties);
                        })
                .cleanup(
                        f -> {
                            dropView(f, VIEW);
                            f.dropCollection("users");
                            f.dropCollection("products");
                        });
    }

    private static Scenario twoInvertedIndexesView(String file) {
        return Scenario.of(file, Area.VIEWS)
                .setup(
                        ctx -> {
                            dropView(ctx.fixture, VIEW);
                            fresh(ctx.fixture, "books");
                            index(
                                    ctx.fixture,
                                    "books",
                                    "{'type':'inverted','name':'inv_title','fields':['title']}");
                            index(
                                    ctx.fixture,
                                    "books",
                                    "{'type':'inverted','name':'inv_descr','fields':['description']}");
                            view(
                                    ctx.fixture,
                                    VIEW,
                                    "search-alias",
                                    "{'indexes':[{'collection':'books','index':'inv_title'}]}");
                        })
                .cleanup(
                        f -> {
                            dropView(f, VIEW);
                            f.dropCollection("books");
                        });
    }
}
