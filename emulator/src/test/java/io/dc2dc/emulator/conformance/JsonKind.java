package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON value types a shape comparison distinguishes. */
enum JsonKind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL;

    static JsonKind of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("no JSON value");
        }
        if (node.isObject()) {
            return OBJECT;
        }
        if (node.isArray()) {
            return ARRAY;
        }
        if (node.isTextual()) {
            return STRING;
        }
        if (node.isNumber()) {
            return NUMBER;
        }
        if (node.isBoolean()) {
            return BOOLEAN;
        }
        if (node.isNull()) {
            return NULL;
        }
        throw new IllegalArgumentException("unsupported JSON node " + node.getNodeType());
    }

    /** Short human-readable form: {@code string "abc"}, {@code object {a, b}}, {@code array[3]}. */
    static String describe(JsonNode node) {
        if (node == null) {
            return "<absent>";
        }
        JsonKind kind = of(node);
        Iterable<String> names = node::fieldNames;
        String text =
                switch (kind) {
                    case OBJECT -> "object {" + String.join(", ", names) + "}";
                    case ARRAY -> "array[" + node.size() + "]";
                    case NULL -> "null";
                    default -> kind.name().toLowerCase(java.util.Locale.ROOT) + " " + node;
                };
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
