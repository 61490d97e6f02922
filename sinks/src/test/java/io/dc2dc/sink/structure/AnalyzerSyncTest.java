package io.dc2dc.sink.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which analyzers are the database's own, and what the destination is sent. */
class AnalyzerSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final JsonNode SHOP_LISTING =
            json(
                    "[{'name':'identity','type':'identity','properties':{},'features':['frequency','norm']},"
                            + "{'name':'_system::global','type':'identity','properties':{},'features':[]},"
                            + "{'name':'shop::words','type':'text','properties':{'locale':'en'},"
                            + "'features':['position','frequency']},"
                            + "{'name':'shop::tags','type':'delimiter','properties':{'delimiter':','},"
                            + "'features':[]}]");

    @Test
    void onlyTheDatabasesOwnAnalyzersCountWithFeaturesAsASet() {
        Map<String, ObjectNode> defs = AnalyzerSync.definitions("shop", SHOP_LISTING);
        assertThat(defs).containsOnlyKeys("words", "tags");
        assertThat(defs.get("words"))
                .isEqualTo(
                        json(
                                "{'type':'text','properties':{'locale':'en'},"
                                        + "'features':['frequency','position']}"));
        assertThat(AnalyzerSync.definitions("_system", SHOP_LISTING)).containsOnlyKeys("global");
    }

    @Test
    void missingAreCreatedChangedAreReplacedExtraAreDropped() {
        Map<String, ObjectNode> source = AnalyzerSync.definitions("shop", SHOP_LISTING);
        JsonNode destinationListing =
                json(
                        "[{'name':'shop::words','type':'text','properties':{'locale':'de'},"
                                + "'features':['position','frequency']},"
                                + "{'name':'shop::gone','type':'identity','properties':{},'features':[]}]");
        AnalyzerSync.Plan plan =
                AnalyzerSync.plan(source, AnalyzerSync.definitions("shop", destinationListing));
        assertThat(plan.drop()).containsExactlyInAnyOrder("words", "gone");
        assertThat(plan.create()).containsOnlyKeys("words", "tags");
        assertThat(plan.create().get("words").path("properties").path("locale").asText())
                .isEqualTo("en");
    }

    @Test
    void equalAnalyzersNeedNothing() {
        Map<String, ObjectNode> source = AnalyzerSync.definitions("shop", SHOP_LISTING);
        assertThat(
                        AnalyzerSync.plan(source, AnalyzerSync.definitions("shop", SHOP_LISTING))
                                .isEmpty())
                .isTrue();
    }
}
