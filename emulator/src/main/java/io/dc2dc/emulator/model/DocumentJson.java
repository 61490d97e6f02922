package io.dc2dc.emulator.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds stored document JSON the way arangod prints documents: {@code _key, _id, _from, _to, _rev}
 * first, then the user attributes in the given order; and implements PATCH merging ({@code
 * keepNull}, {@code mergeObjects}). Stateless.
 */
public final class DocumentJson {
    private DocumentJson() {}

    public static boolean isSystemAttribute(String name) {
        return name.equals("_key")
                || name.equals("_id")
                || name.equals("_rev")
                || name.equals("_from")
                || name.equals("_to");
    }

    /** The complete stored form of a document. */
    public static byte[] build(
            String collection, String key, long rev, ObjectNode body, boolean edge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + body.size() * 24);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("_key", key);
            g.writeStringField("_id", collection + "/" + key);
            if (edge) {
                g.writeStringField("_from", body.path("_from").asText());
                g.writeStringField("_to", body.path("_to").asText());
            }
            g.writeStringField("_rev", Revisions.encode(rev));
            Iterator<Map.Entry<String, JsonNode>> it = body.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (isSystemAttribute(e.getKey())) {
                    continue;
                }
                g.writeFieldName(e.getKey());
                Json.MAPPER.writeTree(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Parses stored JSON back into a tree (for PATCH, returnOld on merges, checksums). */
    public static ObjectNode parse(byte[] json) {
        return (ObjectNode) Json.tree(json);
    }

    /**
     * PATCH semantics: attributes of {@code patch} overwrite those of {@code old}; with {@code
     * mergeObjects} nested objects merge recursively; with {@code !keepNull} a null in the patch
     * removes the attribute.
     */
    public static ObjectNode merge(
            ObjectNode old, ObjectNode patch, boolean keepNull, boolean mergeObjects) {
        ObjectNode out = old.deepCopy();
        mergeInto(out, patch, keepNull, mergeObjects);
        return out;
    }

    private static void mergeInto(
            ObjectNode target, ObjectNode patch, boolean keepNull, boolean mergeObjects) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (value.isNull() && !keepNull) {
                target.remove(name);
                continue;
            }
            JsonNode existing = target.get(name);
            if (mergeObjects && value.isObject() && existing != null && existing.isObject()) {
                ObjectNode merged = ((ObjectNode) existing).deepCopy();
                mergeInto(merged, (ObjectNode) value, keepNull, true);
                target.set(name, merged);
            } else if (value.isObject() && !keepNull) {
                target.set(name, stripNulls((ObjectNode) value));
            } else {
                target.set(name, value);
            }
        }
    }

    private static ObjectNode stripNulls(ObjectNode o) {
        ObjectNode out = Json.object();
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            out.set(
                    e.getKey(),
                    e.getValue().isObject() ? stripNulls((ObjectNode) e.getValue()) : e.getValue());
        }
        return out;
    }

    /** Whether {@code value} is a valid {@code _from}/{@code _to}: "collection/key". */
    public static boolean isValidHandle(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return false;
        }
        String s = value.asText();
        int slash = s.indexOf('/');
        return slash > 0
                && slash < s.length() - 1
                && KeyGenerator.isValidKey(s.substring(slash + 1));
    }
}
