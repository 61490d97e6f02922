package io.dc2dc.emulator.meta;

import static io.dc2dc.emulator.meta.Checks.error;
import static io.dc2dc.emulator.meta.Checks.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AQL user functions in {@code _aqlfunctions}; Foxx mounts from {@code _apps}; system collections.
 */
class FunctionsAndFoxxITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(2).build());

    private static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(EMU.emulator().coordinatorUrl());
    }

    @Test
    void aqlFunctionsAreDocumentsKeyedByTheirUpperCasedName() {
        String body =
                "{\"name\":\"geo::dist::km\",\"code\":\"function (a) { return a; }\",\"isDeterministic\":true}";
        assertThat(ok(http.post("/_api/aqlfunction", body), 201).get("isNewlyCreated").asBoolean())
                .isTrue();
        assertThat(ok(http.post("/_api/aqlfunction", body), 200).get("isNewlyCreated").asBoolean())
                .isFalse();
        ok(
                http.post(
                        "/_api/aqlfunction",
                        "{\"name\":\"geo::other\",\"code\":\"function () { return 1; }\"}"),
                201);
        ok(
                http.post(
                        "/_api/aqlfunction",
                        "{\"name\":\"text::up\",\"code\":\"function (s) { return s; }\"}"),
                201);

        JsonNode doc = ok(http.get("/_api/document/_aqlfunctions/GEO:DIST:KM"), 200);
        assertThat(doc.get("name").asText()).isEqualTo("geo::dist::km");
        assertThat(doc.get("isDeterministic").asBoolean()).isTrue();

        assertThat(ok(http.get("/_api/aqlfunction?namespace=geo"), 200).get("result")).hasSize(2);
        assertThat(ok(http.get("/_api/aqlfunction/text"), 200).get("result")).hasSize(1);
        assertThat(ok(http.get("/_api/aqlfunction"), 200).get("result")).hasSize(3);

        error(
                http.post(
                        "/_api/aqlfunction",
                        "{\"name\":\"nonamespace\",\"code\":\"function () {}\"}"),
                400,
                1580);
        error(
                http.post("/_api/aqlfunction", "{\"name\":\"a::b\",\"code\":\"not code\"}"),
                400,
                1581);
        assertThat(ok(http.delete("/_api/aqlfunction/text::up"), 200).get("deletedCount").asInt())
                .isEqualTo(1);
        error(http.delete("/_api/aqlfunction/text::up"), 404, 1582);
        assertThat(
                        ok(http.delete("/_api/aqlfunction/geo?group=true"), 200)
                                .get("deletedCount")
                                .asInt())
                .isEqualTo(2);
        assertThat(ok(http.get("/_api/aqlfunction"), 200).get("result")).isEmpty();
    }

    @Test
    void foxxListsTheMountsStoredInApps() {
        assertThat(ok(http.get("/_api/foxx"), 200)).isEmpty();
        ok(
                http.post(
                        "/_api/document/_apps",
                        "{\"mount\":\"/shop\",\"development\":true,"
                                + "\"manifest\":{\"name\":\"shop\",\"version\":\"1.2.0\",\"provides\":{\"cart\":\"1\"}}}"),
                202);
        ok(
                http.post(
                        "/_api/document/_apps",
                        "{\"mount\":\"/_admin/aardvark\",\"manifest\":{\"name\":\"aardvark\"}}"),
                202);
        JsonNode list = ok(http.get("/_api/foxx"), 200);
        assertThat(list).hasSize(1);
        JsonNode shop = list.get(0);
        assertThat(shop.get("mount").asText()).isEqualTo("/shop");
        assertThat(shop.get("name").asText()).isEqualTo("shop");
        assertThat(shop.get("version").asText()).isEqualTo("1.2.0");
        assertThat(shop.get("provides").get("cart").asText()).isEqualTo("1");
        assertThat(shop.get("development").asBoolean()).isTrue();
        assertThat(shop.get("legacy").asBoolean()).isFalse();
        assertThat(ok(http.get("/_api/foxx?excludeSystem=false"), 200)).hasSize(2);
    }

    @Test
    void databasesHaveTheSystemCollectionsOfA312Cluster() {
        assertThat(systemCollections(http))
                .containsExactlyInAnyOrder(
                        "_analyzers",
                        "_appbundles",
                        "_apps",
                        "_aqlfunctions",
                        "_frontend",
                        "_graphs",
                        "_jobs",
                        "_queues",
                        "_statistics",
                        "_statistics15",
                        "_statisticsRaw",
                        "_users");
        ok(http.post("/_api/database", "{\"name\":\"shop\"}"), 201);
        Http shop = new Http(EMU.emulator().coordinatorUrl() + "/_db/shop");
        assertThat(systemCollections(shop))
                .containsExactlyInAnyOrder(
                        "_analyzers",
                        "_appbundles",
                        "_apps",
                        "_aqlfunctions",
                        "_frontend",
                        "_graphs",
                        "_jobs",
                        "_queues");
        assertThat(ok(shop.get("/_api/foxx"), 200)).isEmpty();
    }

    private static List<String> systemCollections(Http h) {
        List<String> out = new ArrayList<>();
        ok(h.get("/_api/collection"), 200)
                .get("result")
                .forEach(
                        c -> {
                            if (c.get("isSystem").asBoolean()) {
                                out.add(c.get("name").asText());
                            }
                        });
        return out;
    }
}
