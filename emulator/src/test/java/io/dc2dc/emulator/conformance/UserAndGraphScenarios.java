package io.dc2dc.emulator.conformance;

import java.util.List;

/**
 * Replays of the users/permissions, analyzer and AQL user function transcripts, all areas added to
 * the emulator later.
 */
final class UserAndGraphScenarios {

    private static final String ADMIN = "admin@myapp";
    private static final String OTHER_ADMIN = "anotherAdmin@secapp";
    private static final String ANALYZER = "testAnalyzer";

    private UserAndGraphScenarios() {}

    static List<Scenario> all() {
        return List.of(
                // --- users and permissions ---
                Scenario.of("RestCreateUser.txt", Area.USERS)
                        .setup(ctx -> dropUser(ctx.fixture, "admin@example"))
                        .cleanup(f -> dropUser(f, "admin@example")),
                user("RestDeleteUser.txt", "userToDelete@myapp", false),
                Scenario.of("RestFetchAllUser.txt", Area.USERS),
                user("RestFetchUser.txt", ADMIN, false),
                user("RestFetchUserCollectionPermission.txt", OTHER_ADMIN, true),
                user("RestFetchUserDatabaseList.txt", OTHER_ADMIN, true),
                user("RestFetchUserDatabaseListFull.txt", OTHER_ADMIN, true)
                        .rules(r -> r.mapAt("$.result._system.collections")),
                user("RestFetchUserDatabasePermission.txt", OTHER_ADMIN, true),
                user("RestGrantDatabase.txt", ADMIN, false),
                user("RestRevokeDatabase.txt", ADMIN, false),
                user("RestReplaceUser.txt", ADMIN, false),
                user("RestUpdateUser.txt", ADMIN, false),
                withReports(user("RestGrantCollection.txt", ADMIN, false), false),
                withReports(user("RestRevokeCollection.txt", ADMIN, false), true),
                // --- analyzers ---
                analyzer("RestAnalyzerGet.txt", true),
                analyzer("RestAnalyzerDelete.txt", true),
                analyzer("RestAnalyzerPost.txt", false),
                Scenario.of("RestAnalyzersGet.txt", Area.ANALYZERS)
                        .rules(r -> r.matchElementsBy("$.result", "name", "type")),
                Scenario.of("RestAnalyzerDeleteForce.txt", Area.ANALYZERS)
                        .setup(
                                ctx -> {
                                    dropAnalyzerUsers(ctx.fixture);
                                    createAnalyzer(ctx.fixture);
                                })
                        .cleanup(
                                f -> {
                                    dropAnalyzerUsers(f);
                                    dropAnalyzer(f);
                                })
                        .logged(3), // only the final forced removal is logged
                // --- AQL user functions ---
                Scenario.of("RestAqlfunctionCreate.txt", Area.AQL_FUNCTIONS)
                        .setup(
                                ctx ->
                                        dropFunction(
                                                ctx.fixture,
                                                "myfunctions::temperature::celsiustofahrenheit"))
                        .cleanup(
                                f ->
                                        dropFunction(
                                                f,
                                                "myfunctions::temperature::celsiustofahrenheit")),
                Scenario.of("RestAqlfunctionDelete.txt", Area.AQL_FUNCTIONS)
                        .setup(
                                ctx ->
                                        ctx.fixture.call(
                                                "POST",
                                                "/_api/aqlfunction",
                                                Fixture.json(
                                                        "{'name':'square::x::y','code':'function (x) { return x*x; }'}"),
                                                200,
                                                201))
                        .cleanup(f -> dropFunction(f, "square::x::y")),
                Scenario.of("RestAqlfunctionDeleteFails.txt", Area.AQL_FUNCTIONS)
                        .setup(ctx -> dropFunction(ctx.fixture, "myfunction::x::y")),
                Scenario.of("RestAqlfunctionsGetAll.txt", Area.AQL_FUNCTIONS)
                        .rules(r -> r.anyLength("$.result", "functions left by other tests")));
    }

    private static void dropUser(Fixture f, String user) {
        f.call("DELETE", "/_api/user/" + user, null, 202, 404);
    }

    /**
     * {@code users.save(user, "secret")}, optionally {@code grantDatabase(user, "_system", "rw")}.
     */
    private static Scenario user(String file, String user, boolean grantSystem) {
        return Scenario.of(file, Area.USERS)
                .setup(
                        ctx -> {
                            dropUser(ctx.fixture, user);
                            ctx.fixture.call(
                                    "POST",
                                    "/_api/user",
                                    Fixture.json("{'passwd':'secret'}", "user", user),
                                    201);
                            if (grantSystem) {
                                ctx.fixture.call(
                                        "PUT",
                                        "/_api/user/" + user + "/database/_system",
                                        Fixture.json("{'grant':'rw'}"),
                                        200);
                            }
                        })
                .cleanup(f -> dropUser(f, user));
    }

    /** Adds collection {@code reports}, and optionally an rw grant on it, to a user scenario. */
    private static Scenario withReports(Scenario s, boolean grant) {
        Scenario.Setup userSetup = s.setup();
        Scenario.Cleanup userCleanup = s.cleanup();
        return s.setup(
                        ctx -> {
                            userSetup.run(ctx);
                            ctx.fixture.dropCollection("reports");
                            ctx.fixture.createCollection("reports");
                            if (grant) {
                                ctx.fixture.call(
                                        "PUT",
                                        "/_api/user/" + ADMIN + "/database/_system/reports",
                                        Fixture.json("{'grant':'rw'}"),
                                        200);
                            }
                        })
                .cleanup(
                        f -> {
                            f.dropCollection("reports");
                            userCleanup.run(f);
                        });
    }

    private static void createAnalyzer(Fixture f) {
        f.call(
                "POST",
                "/_api/analyzer",
                Fixture.json("{'type':'identity'}", "name", ANALYZER),
                200,
                201);
    }

    private static void dropAnalyzer(Fixture f) {
        f.call("DELETE", "/_api/analyzer/" + ANALYZER + "?force=true", null, 200, 404);
    }

    /** The view and collection RestAnalyzerDeleteForce creates to reference the analyzer. */
    private static void dropAnalyzerUsers(Fixture f) {
        f.call("DELETE", "/_api/view/testView", null, 200, 404);
        f.dropCollection("testCollection");
    }

    private static Scenario analyzer(String file, boolean exists) {
        return Scenario.of(file, Area.ANALYZERS)
                .setup(
                        ctx -> {
                            dropAnalyzer(ctx.fixture);
                            if (exists) {
                                createAnalyzer(ctx.fixture);
                            }
                        })
                .cleanup(UserAndGraphScenarios::dropAnalyzer);
    }

    private static void dropFunction(Fixture f, String name) {
        f.call("DELETE", "/_api/aqlfunction/" + name, null, 200, 404);
    }
}
