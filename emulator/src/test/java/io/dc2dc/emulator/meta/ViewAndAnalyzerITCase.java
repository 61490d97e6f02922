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

/** {@code /_api/view} and {@code /_api/analyzer}: lifecycle, error numbers, storage, inventory. */
class ViewAndAnalyzerITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(2).build());

    private static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(EMU.emulator().coordinatorUrl());
        for (String c : List.of("books", "users")) {
            ok(http.post("/_api/collection", "{\"name\":\"" + c + "\"}"), 200);
        }
    }

    @Test
    void arangosearchViewKeepsLinksAndSettings() {
        JsonNode created =
                ok(
                        http.post(
                                "/_api/view",
                                "{\"name\":\"search\",\"type\":\"arangosearch\",\"commitIntervalMsec\":1337,"
                                        + "\"links\":{\"books\":{\"fields\":{\"title\":{\"analyzers\":[\"text_en\"]}}},\"users\":{}}}"),
                        201);
        assertThat(created.get("commitIntervalMsec").asInt()).isEqualTo(1337);
        assertThat(created.get("globallyUniqueId").asText())
                .isEqualTo("c" + created.get("id").asText() + "/");
        JsonNode link = created.get("links").get("users");
        assertThat(link.get("analyzers").toString()).isEqualTo("[\"identity\"]");
        assertThat(link.get("storeValues").asText()).isEqualTo("none");

        JsonNode patched =
                ok(
                        http.patch(
                                "/_api/view/search/properties",
                                "{\"cleanupIntervalStep\":12,\"links\":{\"users\":null}}"),
                        200);
        assertThat(patched.get("commitIntervalMsec").asInt()).isEqualTo(1337);
        assertThat(patched.get("cleanupIntervalStep").asInt()).isEqualTo(12);
        assertThat(patched.get("links").has("users")).isFalse();
        assertThat(patched.get("links").has("books")).isTrue();

        JsonNode replaced =
                ok(http.put("/_api/view/search/properties", "{\"links\":{\"users\":{}}}"), 200);
        assertThat(replaced.get("commitIntervalMsec").asInt()).isEqualTo(1000);
        assertThat(replaced.get("links").has("books")).isFalse();

        JsonNode props =
                ok(http.get("/_api/view/" + created.get("id").asText() + "/properties"), 200);
        assertThat(props.get("error").asBoolean()).isFalse();
        assertThat(props.get("links").has("users")).isTrue();
        JsonNode brief = ok(http.get("/_api/view/search"), 200);
        assertThat(brief.get("type").asText()).isEqualTo("arangosearch");
        assertThat(brief.has("links")).isFalse();

        error(http.put("/_api/view/search/rename", "{\"name\":\"other\"}"), 501, 1470);
        error(
                http.post("/_api/view", "{\"name\":\"search\",\"type\":\"arangosearch\"}"),
                409,
                1207);
        error(http.post("/_api/view", "{\"name\":\"books\",\"type\":\"arangosearch\"}"), 409, 1207);
        error(http.post("/_api/view", "{\"name\":\"x\",\"type\":\"nope\"}"), 400, 10);
        error(
                http.post(
                        "/_api/view",
                        "{\"name\":\"x\",\"type\":\"arangosearch\",\"links\":{\"missing\":{}}}"),
                404,
                1203);

        JsonNode inventory = ok(http.get("/_api/replication/clusterInventory"), 200);
        List<String> names = new ArrayList<>();
        inventory.get("views").forEach(v -> names.add(v.get("name").asText()));
        assertThat(names).contains("search");

        assertThat(ok(http.delete("/_api/view/search"), 200).get("result").asBoolean()).isTrue();
        error(http.get("/_api/view/search"), 404, 1203);
    }

    @Test
    void searchAliasViewReferencesInvertedIndexes() {
        ok(
                http.post(
                        "/_api/index?collection=books",
                        "{\"type\":\"inverted\",\"name\":\"inv_a\",\"fields\":[\"a\"]}"),
                201);
        ok(
                http.post(
                        "/_api/index?collection=books",
                        "{\"type\":\"inverted\",\"name\":\"inv_b\",\"fields\":[\"b\"]}"),
                201);
        JsonNode v =
                ok(
                        http.post(
                                "/_api/view",
                                "{\"name\":\"alias\",\"type\":\"search-alias\","
                                        + "\"indexes\":[{\"collection\":\"books\",\"index\":\"inv_a\"}]}"),
                        201);
        assertThat(v.get("indexes")).hasSize(1);
        JsonNode patched =
                ok(
                        http.patch(
                                "/_api/view/alias/properties",
                                "{\"indexes\":[{\"collection\":\"books\",\"index\":\"inv_b\"}]}"),
                        200);
        assertThat(patched.get("indexes")).hasSize(2);
        JsonNode put =
                ok(
                        http.put(
                                "/_api/view/alias/properties",
                                "{\"indexes\":[{\"collection\":\"books\",\"index\":\"inv_b\"}]}"),
                        200);
        assertThat(put.get("indexes")).hasSize(1);
        error(
                http.put(
                        "/_api/view/alias/properties",
                        "{\"indexes\":[{\"collection\":\"books\",\"index\":\"none\"}]}"),
                404,
                1212);
        ok(http.get("/_api/view"), 200);
        ok(http.delete("/_api/view/alias"), 200);
    }

    @Test
    void analyzersAreStoredPrefixedAndProtectedWhileInUse() {
        JsonNode created =
                ok(
                        http.post(
                                "/_api/analyzer",
                                "{\"name\":\"delim\",\"type\":\"delimiter\",\"properties\":{\"delimiter\":\",\"},\"features\":[\"frequency\"]}"),
                        201);
        assertThat(created.get("name").asText()).isEqualTo("_system::delim");
        assertThat(
                        ok(
                                        http.post(
                                                "/_api/analyzer",
                                                "{\"name\":\"delim\",\"type\":\"delimiter\",\"properties\":{\"delimiter\":\",\"},\"features\":[\"frequency\"]}"),
                                        200)
                                .get("name")
                                .asText())
                .isEqualTo("_system::delim");
        error(http.post("/_api/analyzer", "{\"name\":\"delim\",\"type\":\"identity\"}"), 409, 1207);
        error(http.post("/_api/analyzer", "{\"name\":\"bad\",\"type\":\"unknown\"}"), 400, 10);

        JsonNode stored = ok(http.get("/_api/document/_analyzers/delim"), 200);
        assertThat(stored.get("type").asText()).isEqualTo("delimiter");
        assertThat(stored.get("properties").get("delimiter").asText()).isEqualTo(",");

        JsonNode one = ok(http.get("/_api/analyzer/delim"), 200);
        assertThat(one.get("name").asText()).isEqualTo("_system::delim");
        assertThat(ok(http.get("/_api/analyzer/text_en"), 200).get("type").asText())
                .isEqualTo("text");
        List<String> names = new ArrayList<>();
        ok(http.get("/_api/analyzer"), 200)
                .get("result")
                .forEach(a -> names.add(a.get("name").asText()));
        assertThat(names).contains("identity", "text_en", "_system::delim");

        ok(http.post("/_api/database", "{\"name\":\"other\"}"), 201);
        Http other = new Http(EMU.emulator().coordinatorUrl() + "/_db/other");
        List<String> seen = new ArrayList<>();
        ok(other.get("/_api/analyzer"), 200)
                .get("result")
                .forEach(a -> seen.add(a.get("name").asText()));
        assertThat(seen).contains("_system::delim");

        ok(
                http.post(
                        "/_api/view",
                        "{\"name\":\"uses\",\"type\":\"arangosearch\",\"links\":{\"users\":{\"analyzers\":[\"delim\"]}}}"),
                201);
        error(http.delete("/_api/analyzer/delim?force=false"), 409, 1200);
        assertThat(ok(http.delete("/_api/analyzer/delim?force=true"), 200).get("name").asText())
                .isEqualTo("_system::delim");
        error(http.get("/_api/analyzer/delim"), 404, 1202);
        error(http.get("/_api/document/_analyzers/delim"), 404, 1202);
        error(http.delete("/_api/analyzer/identity"), 403, 11);
        ok(http.delete("/_api/view/uses"), 200);
    }
}
