package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON shape comparison and its tolerances, on small hand-written documents. */
class ShapeComparatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Difference> compare(String expected, String actual) {
        return compare(new ShapeRules(), expected, actual);
    }

    private static List<Difference> compare(ShapeRules rules, String expected, String actual) {
        return new ShapeComparator(rules).compare(json(expected), json(actual));
    }

    @Test
    void sameShapeWithOtherIdsTicksAndRevisionsIsEqual() {
        assertThat(
                        compare(
                                "{\"_key\":\"1\",\"_rev\":\"_a--\",\"tick\":\"5\",\"n\":1,\"x\":null}",
                                "{\"x\":null,\"n\":7,\"tick\":\"99\",\"_rev\":\"_b--\",\"_key\":\"k\"}"))
                .isEmpty();
    }

    @Test
    void reportsMissingAndUnexpectedKeysWithTheirPath() {
        List<Difference> d = compare("{\"a\":{\"b\":1,\"c\":2}}", "{\"a\":{\"b\":1,\"d\":\"x\"}}");

        assertThat(d)
                .extracting(Difference::toString)
                .containsExactly(
                        "$.a: missing key \"c\" (expected number 2, actual <absent>)",
                        "$.a: unexpected key \"d\" (expected <absent>, actual string \"x\")");
    }

    @Test
    void reportsTypeDifferences() {
        assertThat(compare("{\"id\":\"12\"}", "{\"id\":12}"))
                .singleElement()
                .hasToString("$.id: type differs (expected string \"12\", actual number 12)");
        assertThat(compare("{\"schema\":null}", "{\"schema\":{}}")).hasSize(1);
    }

    @Test
    void comparesEnvelopeValues() {
        assertThat(
                        compare(
                                "{\"error\":true,\"code\":404,\"errorNum\":1203}",
                                "{\"error\":true,\"code\":404,\"errorNum\":1202}"))
                .singleElement()
                .hasToString("$.errorNum: value differs (expected 1203, actual 1202)");
        assertThat(compare("{\"type\":2}", "{\"type\":3}")).isEmpty();
        assertThat(
                        compare(
                                new ShapeRules().compareValuesOf("type"),
                                "{\"type\":2}",
                                "{\"type\":3}"))
                .hasSize(1);
    }

    @Test
    void comparesArraysOfEqualLengthElementWise() {
        assertThat(compare("[{\"a\":1},{\"error\":true}]", "[{\"a\":2},{\"error\":true}]"))
                .isEmpty();
        assertThat(compare("[{\"a\":1},{\"error\":true}]", "[{\"error\":true},{\"a\":2}]"))
                .hasSize(4);
    }

    @Test
    void comparesArraysOfOtherLengthWithTheFirstRecordedElement() {
        assertThat(compare("{\"r\":[{\"a\":1}]}", "{\"r\":[{\"a\":2},{\"a\":3},{\"a\":4}]}"))
                .isEmpty();
        assertThat(compare("{\"r\":[{\"a\":1}]}", "{\"r\":[{\"a\":2},{\"b\":3}]}"))
                .extracting(Difference::where)
                .containsExactly("$.r[1]", "$.r[1]");
    }

    @Test
    void emptyAgainstNonEmptyIsADifferenceUnlessTolerated() {
        assertThat(compare("{\"c\":[]}", "{\"c\":[1]}"))
                .singleElement()
                .hasToString("$.c: unexpected elements (expected array[0], actual array[1])");
        assertThat(compare("{\"c\":[1]}", "{\"c\":[]}"))
                .singleElement()
                .extracting(Difference::problem)
                .isEqualTo("no elements");
        assertThat(compare(new ShapeRules().anyLength("$.c", "test"), "{\"c\":[]}", "{\"c\":[1]}"))
                .isEmpty();
    }

    @Test
    void toleratesDeclaredExtraAndMissingKeysAtTheirPathOnly() {
        ShapeRules rules =
                new ShapeRules()
                        .allowExtraKeys("$", "cluster", "numberOfShards")
                        .allowMissingKeys("$.keyOptions", "single server", "lastValue");

        assertThat(
                        compare(
                                rules,
                                "{\"keyOptions\":{\"type\":\"t\",\"lastValue\":0}}",
                                "{\"numberOfShards\":3,\"keyOptions\":{\"type\":\"t\"}}"))
                .isEmpty();
        assertThat(compare(rules, "{\"k\":{}}", "{\"k\":{\"numberOfShards\":3}}")).hasSize(1);
        assertThat(rules.tolerances())
                .containsExactly(
                        "$ may add [numberOfShards]: cluster",
                        "$.keyOptions may lack [lastValue]: single server");
    }

    @Test
    void comparesIdKeyedObjectsValueByValue() {
        ShapeRules rules = new ShapeRules().mapAt("$.shards");
        String expected = "{\"shards\":{\"s1\":[\"PRMR-a\"],\"s2\":[\"PRMR-b\"]}}";

        assertThat(compare(rules, expected, "{\"shards\":{\"s7\":[\"PRMR-x\"]}}")).isEmpty();
        assertThat(compare(rules, expected, "{\"shards\":{\"s7\":[7]}}"))
                .singleElement()
                .extracting(Difference::where)
                .isEqualTo("$.shards.s7[0]");
        assertThat(compare(expected, "{\"shards\":{\"s7\":[\"PRMR-x\"]}}")).hasSize(3);
    }

    @Test
    void picksTheTemplateOfAnIdKeyedObjectByDiscriminator() {
        ShapeRules rules = new ShapeRules().mapAt("$.servers", "role");
        String expected =
                "{\"servers\":{\"CRDN-1\":{\"role\":\"COORDINATOR\"},"
                        + "\"PRMR-1\":{\"role\":\"PRIMARY\",\"engineStats\":{}}}}";

        assertThat(
                        compare(
                                rules,
                                expected,
                                "{\"servers\":{\"PRMR-9\":{\"role\":\"PRIMARY\",\"engineStats\":{}},"
                                        + "\"CRDN-9\":{\"role\":\"COORDINATOR\"}}}"))
                .isEmpty();
        assertThat(compare(rules, expected, "{\"servers\":{\"AGNT-9\":{\"role\":\"AGENT\"}}}"))
                .singleElement()
                .extracting(Difference::problem)
                .isEqualTo("no recorded entry with this role");
    }

    @Test
    void matchesElementsOfNamedListsByName() {
        ShapeRules rules = new ShapeRules().matchElementsBy("$", "name", "type");
        String expected =
                "[{\"name\":\"a\",\"type\":\"text\",\"properties\":{\"locale\":\"x\"}},"
                        + "{\"name\":\"b\",\"type\":\"identity\",\"properties\":{}}]";

        assertThat(
                        compare(
                                rules,
                                expected,
                                "[{\"name\":\"b\",\"type\":\"identity\",\"properties\":{}},"
                                        + "{\"name\":\"a\",\"type\":\"text\",\"properties\":{\"locale\":\"y\"}}]"))
                .isEmpty();
        assertThat(
                        compare(
                                rules,
                                expected,
                                "[{\"name\":\"c\",\"type\":\"text\",\"properties\":{\"locale\":\"y\"}}]"))
                .isEmpty();
        assertThat(
                        compare(
                                rules,
                                expected,
                                "[{\"name\":\"d\",\"type\":\"norm\",\"properties\":{}}]"))
                .singleElement()
                .extracting(Difference::problem)
                .isEqualTo("no recorded element with the same [name, type]");
        assertThat(
                        compare(
                                expected,
                                "[{\"name\":\"b\",\"type\":\"identity\",\"properties\":{}},"
                                        + "{\"name\":\"a\",\"type\":\"text\",\"properties\":{\"locale\":\"y\"}}]"))
                .hasSize(2);
    }

    @Test
    void ignoredPathsAreNotCompared() {
        assertThat(
                        compare(
                                new ShapeRules().ignore("$.details", "varies"),
                                "{\"details\":{\"a\":1}}",
                                "{\"details\":[]}"))
                .isEmpty();
    }

    @Test
    void comparesMarkerStreamsByMarkerType() {
        ShapeComparator c = new ShapeComparator(new ShapeRules());
        List<JsonNode> recorded =
                List.of(
                        json("{\"tick\":\"1\",\"type\":2001,\"cuid\":\"c\"}"),
                        json("{\"tick\":\"2\",\"type\":2300,\"data\":{}}"));

        assertThat(
                        c.compareStream(
                                recorded,
                                List.of(
                                        json("{\"tick\":\"9\",\"type\":2300,\"data\":{}}"),
                                        json("{\"type\":2200,\"tid\":\"3\"}"))))
                .isEmpty();
        assertThat(c.compareStream(recorded, List.of(json("{\"tick\":\"9\",\"type\":2001}"))))
                .singleElement()
                .hasToString(
                        "record[0]: missing key \"cuid\" (expected string \"c\", actual <absent>)");
        assertThat(c.compareStream(recorded, List.of(json("{\"type\":2200}"))))
                .singleElement()
                .extracting(Difference::problem)
                .isEqualTo("no record of a recorded marker type");
        assertThat(c.compareStream(recorded, List.of())).hasSize(1);
    }
}
