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
 * {@code /_api/index}: shapes, identical/conflicting definitions, drop, edge and primary indexes.
 */
class IndexApiITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(2).build());

    private static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(EMU.emulator().coordinatorUrl());
    }

    private static void collection(String name, String extra) {
        http.delete("/_api/collection/" + name);
        ok(http.post("/_api/collection", "{\"name\":\"" + name + "\"" + extra + "}"), 200);
    }

    @Test
    void persistentIndexIsCreatedOnceAndListedWithPrimary() {
        collection("products", "");
        String body = "{\"type\":\"persistent\",\"fields\":[\"a\",\"b\"],\"storedValues\":[\"c\"]}";
        JsonNode created = ok(http.post("/_api/index?collection=products", body), 201);
        assertThat(created.get("isNewlyCreated").asBoolean()).isTrue();
        assertThat(created.get("type").asText()).isEqualTo("persistent");
        assertThat(created.get("id").asText()).startsWith("products/");
        assertThat(created.get("name").asText()).startsWith("idx_");
        assertThat(created.get("deduplicate").asBoolean()).isTrue();
        assertThat(created.get("estimates").asBoolean()).isTrue();
        assertThat(created.get("cacheEnabled").asBoolean()).isFalse();
        assertThat(created.get("selectivityEstimate").asInt()).isEqualTo(1);
        assertThat(created.get("storedValues").toString()).isEqualTo("[\"c\"]");

        JsonNode again = ok(http.post("/_api/index?collection=products", body), 200);
        assertThat(again.get("isNewlyCreated").asBoolean()).isFalse();
        assertThat(again.get("id")).isEqualTo(created.get("id"));

        JsonNode list = ok(http.get("/_api/index?collection=products"), 200);
        assertThat(list.get("indexes")).hasSize(2);
        assertThat(list.get("indexes").get(0).get("type").asText()).isEqualTo("primary");
        assertThat(list.get("identifiers").has("products/0")).isTrue();
        assertThat(list.get("identifiers").has(created.get("id").asText())).isTrue();

        String iid = created.get("id").asText().substring("products/".length());
        assertThat(ok(http.get("/_api/index/products/" + iid), 200).get("fields")).hasSize(2);
        assertThat(
                        ok(http.get("/_api/index/products/" + created.get("name").asText()), 200)
                                .get("id"))
                .isEqualTo(created.get("id"));
        assertThat(ok(http.get("/_api/index/products/0"), 200).get("name").asText())
                .isEqualTo("primary");
    }

    @Test
    void aliasesAndSpecialTypesGetArangodDefaults() {
        collection("places", "");
        assertThat(
                        ok(
                                        http.post(
                                                "/_api/index?collection=places",
                                                "{\"type\":\"hash\",\"fields\":[\"x\"]}"),
                                        201)
                                .get("type")
                                .asText())
                .isEqualTo("persistent");
        JsonNode ttl =
                ok(
                        http.post(
                                "/_api/index?collection=places",
                                "{\"type\":\"ttl\",\"fields\":[\"at\"],\"expireAfter\":60}"),
                        201);
        assertThat(ttl.get("expireAfter").asInt()).isEqualTo(60);
        assertThat(ttl.get("sparse").asBoolean()).isTrue();
        error(
                http.post(
                        "/_api/index?collection=places",
                        "{\"type\":\"ttl\",\"fields\":[\"other\"],\"expireAfter\":5}"),
                400,
                10);
        JsonNode geo =
                ok(
                        http.post(
                                "/_api/index?collection=places",
                                "{\"type\":\"geo\",\"fields\":[\"loc\"],\"geoJson\":true}"),
                        201);
        assertThat(geo.get("geoJson").asBoolean()).isTrue();
        assertThat(geo.get("bestIndexedLevel").asInt()).isEqualTo(17);
        JsonNode fulltext =
                ok(
                        http.post(
                                "/_api/index?collection=places",
                                "{\"type\":\"fulltext\",\"fields\":[\"text\"]}"),
                        201);
        assertThat(fulltext.get("minLength").asInt()).isEqualTo(2);
        JsonNode inverted =
                ok(
                        http.post(
                                "/_api/index?collection=places",
                                "{\"type\":\"inverted\",\"name\":\"inv\",\"fields\":[\"a\",{\"name\":\"b\",\"analyzer\":\"text_en\"}]}"),
                        201);
        assertThat(inverted.get("fields").get(1).get("features").toString())
                .isEqualTo("[\"frequency\",\"position\",\"norm\"]");
        assertThat(inverted.get("primarySort").get("compression").asText()).isEqualTo("lz4");
        JsonNode mdi =
                ok(
                        http.post(
                                "/_api/index?collection=places",
                                "{\"type\":\"mdi\",\"fields\":[\"from\",\"to\"],\"fieldValueTypes\":\"double\"}"),
                        201);
        assertThat(mdi.get("estimates").asBoolean()).isFalse();
        error(
                http.post("/_api/index?collection=places", "{\"type\":\"mdi\",\"fields\":[\"a\"]}"),
                400,
                10);
        error(
                http.post(
                        "/_api/index?collection=places",
                        "{\"type\":\"nonsense\",\"fields\":[\"a\"]}"),
                400,
                10);
        error(http.post("/_api/index?collection=places", "{\"type\":\"persistent\"}"), 400, 10);
    }

    @Test
    void nameTakenByAnotherDefinitionIsDuplicateIdentifier() {
        collection("named", "");
        ok(
                http.post(
                        "/_api/index?collection=named",
                        "{\"type\":\"persistent\",\"name\":\"byA\",\"fields\":[\"a\"]}"),
                201);
        assertThat(
                        error(
                                http.post(
                                        "/_api/index?collection=named",
                                        "{\"type\":\"persistent\",\"name\":\"byA\",\"fields\":[\"b\"]}"),
                                409,
                                1005))
                .isEqualTo("duplicate value for `id` or `name`");
        error(
                http.post(
                        "/_api/index?collection=named",
                        "{\"type\":\"persistent\",\"name\":\"primary\",\"fields\":[\"b\"]}"),
                409,
                1005);
    }

    @Test
    void dropRemovesAnIndexButNotThePrimaryOrEdgeIndexes() {
        collection("dropme", "");
        JsonNode created =
                ok(
                        http.post(
                                "/_api/index?collection=dropme",
                                "{\"type\":\"persistent\",\"fields\":[\"a\"]}"),
                        201);
        String id = created.get("id").asText();
        JsonNode dropped = ok(http.delete("/_api/index/" + id), 200);
        assertThat(dropped.get("id").asText()).isEqualTo(id);
        error(http.get("/_api/index/" + id), 404, 1212);
        error(http.delete("/_api/index/" + id), 404, 1212);
        error(http.delete("/_api/index/dropme/0"), 403, 11);
        error(http.get("/_api/index?collection=nope"), 404, 1203);
        error(http.get("/_api/index"), 400, 1204);

        collection("links", ",\"type\":3");
        List<String> types = new ArrayList<>();
        ok(http.get("/_api/index?collection=links"), 200)
                .get("indexes")
                .forEach(
                        i ->
                                types.add(
                                        i.get("type").asText()
                                                + ":"
                                                + i.get("fields").get(0).asText()));
        assertThat(types).containsExactly("primary:_key", "edge:_from", "edge:_to");
        error(http.delete("/_api/index/links/1"), 403, 11);
    }
}
