package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries a persistent index holds for one document, as comparable strings: one entry per
 * document, or several when a field expands an array ({@code tags[*]}). Values compare like arangod
 * compares them (so {@code 1} and {@code 1.0} are equal); a missing attribute counts as {@code
 * null}; a sparse index skips documents where any indexed value is {@code null}. Stateless.
 */
final class IndexKeys {
    private static final String NULL = "z";

    private IndexKeys() {}

    /**
     * The index entries of {@code doc} for {@code definition}; with {@code deduplicate} repeated
     * entries of one document collapse, otherwise they are all returned (and then collide).
     */
    static List<String> of(ObjectNode definition, JsonNode doc) {
        boolean sparse = definition.path("sparse").asBoolean(false);
        boolean dedup = definition.path("deduplicate").asBoolean(true);
        List<List<String>> perField = new ArrayList<>();
        for (JsonNode f : definition.path("fields")) {
            List<String> values = values(doc, f.asText());
            if (values.isEmpty()) {
                return List.of(); // an expanded attribute that is not an array: not indexed
            }
            if (sparse && values.size() == 1 && values.get(0).equals(NULL)) {
                return List.of();
            }
            perField.add(values);
        }
        List<String> out = new ArrayList<>();
        combine(perField, 0, new StringBuilder(), out);
        return dedup ? new ArrayList<>(new LinkedHashSet<>(out)) : out;
    }

    private static void combine(
            List<List<String>> perField, int i, StringBuilder prefix, List<String> out) {
        if (i == perField.size()) {
            out.add(prefix.toString());
            return;
        }
        int mark = prefix.length();
        for (String v : perField.get(i)) {
            prefix.append(v).append('\u0001');
            combine(perField, i + 1, prefix, out);
            prefix.setLength(mark);
        }
    }

    /** Values of one attribute path; {@code [*]} expands arrays. */
    private static List<String> values(JsonNode doc, String path) {
        int star = path.indexOf("[*]");
        if (star < 0) {
            return List.of(canonical(navigate(doc, path)));
        }
        JsonNode array = navigate(doc, path.substring(0, star));
        if (array == null || !array.isArray()) {
            return List.of();
        }
        String rest = path.substring(star + 3);
        if (rest.startsWith(".")) {
            rest = rest.substring(1);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : array) {
            if (rest.isEmpty()) {
                out.add(canonical(element));
            } else {
                out.addAll(values(element, rest));
            }
        }
        return out;
    }

    private static JsonNode navigate(JsonNode doc, String path) {
        JsonNode n = doc;
        for (String part : path.split("\\.", -1)) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }

    /** A string that is equal for values arangod considers equal, tagged by type. */
    static String canonical(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return NULL;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "t" : "f";
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return "n"
                    + (d == Math.rint(d) && Math.abs(d) < 1e18
                            ? Long.toString((long) d)
                            : Double.toString(d));
        }
        if (v.isTextual()) {
            return "s" + v.asText().length() + ":" + v.asText();
        }
        StringBuilder sb = new StringBuilder();
        if (v.isArray()) {
            sb.append('[');
            for (JsonNode e : v) {
                sb.append(canonical(e)).append(',');
            }
            return sb.append(']').toString();
        }
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue());
        }
        sb.append('{');
        sorted.forEach(
                (k, val) ->
                        sb.append(k.length())
                                .append(':')
                                .append(k)
                                .append(canonical(val))
                                .append(','));
        return sb.append('}').toString();
    }
}
