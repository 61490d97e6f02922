package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two JSON values by shape: same object keys recursively and same value types; values only
 * for the envelope keys ({@code error}, {@code code}, {@code errorNum}) and whatever {@link
 * ShapeRules#compareValuesOf} adds, since ids, ticks, revisions and times differ between runs.
 *
 * <p>Arrays of equal length are compared element by element; otherwise every actual element is
 * compared with the first recorded one (lists whose length depends on server state). Stateless
 * apart from its rules; thread-safe.
 */
final class ShapeComparator {

    private final ShapeRules rules;

    ShapeComparator(ShapeRules rules) {
        this.rules = rules;
    }

    List<Difference> compare(JsonNode expected, JsonNode actual) {
        List<Difference> differences = new ArrayList<>();
        compare("$", "$", expected, actual, differences);
        return differences;
    }

    /**
     * Compares marker streams: each actual record with the first recorded record of the same {@code
     * type}; record types absent from the recording cannot be checked and are skipped (a docs
     * example shows only the markers its script happened to produce).
     */
    List<Difference> compareStream(List<JsonNode> expected, List<JsonNode> actual) {
        List<Difference> differences = new ArrayList<>();
        if (expected.isEmpty() != actual.isEmpty()) {
            differences.add(
                    new Difference(
                            "body",
                            "marker count",
                            expected.size() + " records",
                            actual.size() + " records"));
            return differences;
        }
        int compared = 0;
        for (int i = 0; i < actual.size(); i++) {
            JsonNode record = actual.get(i);
            JsonNode template = sameType(expected, record.get("type"));
            if (template != null) {
                compare("record[" + i + "]", "$", template, record, differences);
                compared++;
            }
        }
        if (compared == 0 && !actual.isEmpty()) {
            // Nothing could be checked: say so rather than pass silently.
            differences.add(
                    new Difference(
                            "body",
                            "no record of a recorded marker type",
                            "types " + types(expected),
                            "types " + types(actual)));
        }
        return differences;
    }

    private static List<String> types(List<JsonNode> records) {
        return records.stream().map(r -> String.valueOf(r.get("type"))).distinct().toList();
    }

    private static JsonNode sameType(List<JsonNode> records, JsonNode type) {
        for (JsonNode record : records) {
            if (type != null && type.equals(record.get("type"))) {
                return record;
            }
        }
        return null;
    }

    private void compare(
            String path,
            String rulePath,
            JsonNode expected,
            JsonNode actual,
            List<Difference> out) {
        if (rules.ignored(rulePath)) {
            return;
        }
        JsonKind expectedKind = JsonKind.of(expected);
        JsonKind actualKind = JsonKind.of(actual);
        if (expectedKind != actualKind) {
            out.add(
                    new Difference(
                            path,
                            "type differs",
                            JsonKind.describe(expected),
                            JsonKind.describe(actual)));
            return;
        }
        switch (expectedKind) {
            case OBJECT -> {
                if (rules.isMap(rulePath)) {
                    compareMap(path, rulePath, expected, actual, out);
                } else {
                    compareObject(path, rulePath, expected, actual, out);
                }
            }
            case ARRAY -> compareArray(path, rulePath, expected, actual, out);
            default -> {
                // scalars: the type matched, values are compared only for envelope keys
            }
        }
    }

    private void compareObject(
            String path,
            String rulePath,
            JsonNode expected,
            JsonNode actual,
            List<Difference> out) {
        Set<String> keys = new LinkedHashSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        actual.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode e = expected.get(key);
            JsonNode a = actual.get(key);
            String childPath = path + "." + key;
            String childRule = rulePath + "." + key;
            if (a == null) {
                if (!rules.missingKeyAllowed(rulePath, key) && !rules.ignored(childRule)) {
                    out.add(
                            new Difference(
                                    path,
                                    "missing key \"" + key + "\"",
                                    JsonKind.describe(e),
                                    "<absent>"));
                }
            } else if (e == null) {
                if (!rules.extraKeyAllowed(rulePath, key) && !rules.ignored(childRule)) {
                    out.add(
                            new Difference(
                                    path,
                                    "unexpected key \"" + key + "\"",
                                    "<absent>",
                                    JsonKind.describe(a)));
                }
            } else {
                if (rules.comparesValueOf(key)
                        && !rules.ignored(childRule)
                        && !e.isContainerNode()
                        && !e.equals(a)) {
                    out.add(new Difference(childPath, "value differs", e.toString(), a.toString()));
                }
                compare(childPath, childRule, e, a, out);
            }
        }
    }

    private void compareMap(
            String path,
            String rulePath,
            JsonNode expected,
            JsonNode actual,
            List<Difference> out) {
        if (expected.isEmpty() || actual.isEmpty()) {
            lengthMismatch(path, rulePath, expected, actual, out);
            return;
        }
        String discriminator = rules.mapDiscriminator(rulePath);
        for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = path + "." + entry.getKey();
            JsonNode template = template(expected, discriminator, entry.getValue());
            if (template == null) {
                out.add(
                        new Difference(
                                entryPath,
                                "no recorded entry with this " + discriminator,
                                "one of the recorded " + discriminator + " values",
                                String.valueOf(entry.getValue().get(discriminator))));
            } else {
                compare(entryPath, rulePath + ".*", template, entry.getValue(), out);
            }
        }
    }

    /** The first recorded value, or the first with the actual value's discriminator. */
    private static JsonNode template(JsonNode expected, String discriminator, JsonNode actual) {
        if (discriminator == null) {
            return expected.elements().next();
        }
        for (JsonNode candidate : expected) {
            JsonNode value = candidate.get(discriminator);
            if (value != null && value.equals(actual.get(discriminator))) {
                return candidate;
            }
        }
        return null;
    }

    private void compareArray(
            String path,
            String rulePath,
            JsonNode expected,
            JsonNode actual,
            List<Difference> out) {
        if (expected.isEmpty() || actual.isEmpty()) {
            lengthMismatch(path, rulePath, expected, actual, out);
            return;
        }
        List<String> matchFields = rules.elementMatchFields(rulePath);
        boolean elementWise = expected.size() == actual.size();
        for (int i = 0; i < actual.size(); i++) {
            String elementPath = path + "[" + i + "]";
            JsonNode template;
            if (!matchFields.isEmpty()) {
                template = matching(expected, actual.get(i), matchFields);
                if (template == null) {
                    out.add(
                            new Difference(
                                    elementPath,
                                    "no recorded element with the same " + matchFields,
                                    "one of the recorded elements",
                                    JsonKind.describe(actual.get(i))));
                    continue;
                }
            } else {
                template = elementWise ? expected.get(i) : expected.get(0);
            }
            compare(elementPath, rulePath + "[*]", template, actual.get(i), out);
        }
    }

    /** The first recorded element agreeing with {@code actual} on a match field, tried in order. */
    private static JsonNode matching(JsonNode expected, JsonNode actual, List<String> fields) {
        for (String field : fields) {
            JsonNode value = actual.get(field);
            for (JsonNode candidate : expected) {
                if (value != null && value.equals(candidate.get(field))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private void lengthMismatch(
            String path,
            String rulePath,
            JsonNode expected,
            JsonNode actual,
            List<Difference> out) {
        if (expected.isEmpty() != actual.isEmpty() && !rules.anyLength(rulePath)) {
            out.add(
                    new Difference(
                            path,
                            expected.isEmpty() ? "unexpected elements" : "no elements",
                            JsonKind.describe(expected),
                            JsonKind.describe(actual)));
        }
    }
}
