package io.dc2dc.sink.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How view definitions of two clusters are compared, and what the destination is sent. */
class ViewDefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final String LINK_A =
            "{'analyzers':['identity'],'fields':{'t':{'analyzers':['text_en']}},"
                    + "'includeAllFields':false,'storeValues':'none','trackListPositions':false}";

    private static ObjectNode search(String settings, String links) {
        return json(
                "{'name':'v','type':'arangosearch','commitIntervalMsec':1000,"
                        + "'primarySort':[],'storedValues':[]"
                        + settings
                        + ",'links':"
                        + links
                        + "}");
    }

    @Test
    void normalizeDropsIdsAndSortsIndexReferences() {
        ObjectNode n =
                ViewDefinitions.normalize(
                        json(
                                "{'id':'7','globallyUniqueId':'h1/7','name':'v','type':'search-alias',"
                                        + "'indexes':[{'collection':'b','index':'i'},"
                                        + "{'collection':'a','index':'j'}]}"));
        assertThat(n)
                .isEqualTo(
                        json(
                                "{'name':'v','type':'search-alias','indexes':["
                                        + "{'collection':'a','index':'j'},{'collection':'b','index':'i'}]}"));
    }

    @Test
    void equalDefinitionsNeedNothing() {
        ObjectNode v = search("", "{'a':" + LINK_A + "}");
        assertThat(ViewDefinitions.compare(v, v.deepCopy()))
                .isInstanceOf(ViewDefinitions.Same.class);
    }

    @Test
    void changedSettingsAndLinksArePatchedWithOnlyTheDifference() {
        ObjectNode wanted =
                search(",'cleanupIntervalStep':5", "{'a':" + LINK_A + ",'c':" + LINK_A + "}");
        ObjectNode existing =
                search(
                        ",'cleanupIntervalStep':2",
                        "{'a':" + LINK_A + ",'b':" + LINK_A + ",'c':{'includeAllFields':true}}");
        ViewDefinitions.Change change = ViewDefinitions.compare(wanted, existing);
        assertThat(change).isInstanceOf(ViewDefinitions.Update.class);
        assertThat(((ViewDefinitions.Update) change).body())
                .isEqualTo(json("{'cleanupIntervalStep':5,'links':{'c':" + LINK_A + ",'b':null}}"));
    }

    @Test
    void anImmutableSettingOrAnotherTypeMeansRecreation() {
        ObjectNode wanted = search("", "{}");
        ObjectNode sorted = wanted.deepCopy();
        sorted.set("primarySort", json("{'s':[{'field':'x','asc':true}]}").get("s"));
        assertThat(ViewDefinitions.compare(wanted, sorted))
                .isInstanceOf(ViewDefinitions.Recreate.class);
        ObjectNode alias = json("{'name':'v','type':'search-alias','indexes':[]}");
        assertThat(ViewDefinitions.compare(alias, wanted))
                .isInstanceOf(ViewDefinitions.Recreate.class);
    }

    @Test
    void settingsOnlyOneSideShowsAreNotCompared() {
        ObjectNode older = search("", "{}");
        ObjectNode newer = search(",'optimizeTopK':[],'primarySortCache':false", "{}");
        assertThat(ViewDefinitions.compare(older, newer)).isInstanceOf(ViewDefinitions.Same.class);
        assertThat(ViewDefinitions.compare(newer, older)).isInstanceOf(ViewDefinitions.Same.class);
    }

    @Test
    void searchAliasReferencesAreAddedAndDeleted() {
        ObjectNode wanted =
                json(
                        "{'name':'v','type':'search-alias','indexes':["
                                + "{'collection':'a','index':'i'},{'collection':'b','index':'j'}]}");
        ObjectNode existing =
                json(
                        "{'name':'v','type':'search-alias','indexes':["
                                + "{'collection':'a','index':'i'},{'collection':'a','index':'old'}]}");
        ViewDefinitions.Change change = ViewDefinitions.compare(wanted, existing);
        assertThat(((ViewDefinitions.Update) change).body())
                .isEqualTo(
                        json(
                                "{'indexes':[{'collection':'b','index':'j'},"
                                        + "{'collection':'a','index':'old','operation':'del'}]}"));
    }

    @Test
    void linksAndReferencesToWhatTheDestinationLacksAreLeftOutForNow() {
        Set<String> collections = Set.of("a");
        ObjectNode links =
                ViewDefinitions.forDestination(
                        search("", "{'a':" + LINK_A + ",'b':" + LINK_A + "}"),
                        collections::contains,
                        (c, i) -> false);
        assertThat(links.get("links").properties()).hasSize(1);
        assertThat(links.get("links").has("a")).isTrue();

        ObjectNode refs =
                ViewDefinitions.forDestination(
                        json(
                                "{'name':'v','type':'search-alias','indexes':["
                                        + "{'collection':'a','index':'i'},{'collection':'a','index':'j'}]}"),
                        collections::contains,
                        (c, i) -> i.equals("j"));
        assertThat(refs.get("indexes")).hasSize(1);
        assertThat(refs.get("indexes").get(0).get("index").asText()).isEqualTo("j");
    }
}
