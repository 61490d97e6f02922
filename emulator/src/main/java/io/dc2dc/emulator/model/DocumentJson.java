package io.dc2dc.emulator.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * A document encoded up to its revision: {@code head} is {@code {"_key":..,"_id":..
     * [,"_from":..,"_to":..]}, {@code tail} the user attributes and the closing brace. Encoding
     * happens before the shard lock is taken; only {@link #withRevision} runs under it.
     */
    public record Prepared(byte[] head, byte[] tail) {
        private static final byte[] REV = ",\"_rev\":\"".getBytes(StandardCharsets.US_ASCII);

        /** The complete stored form with {@code rev} inserted (a few byte copies). */
        public byte[] withRevision(long rev) {
            byte[] r = Revisions.encode(rev).getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[head.length + REV.length + r.length + 1 + tail.length];
            int p = 0;
            System.arraycopy(head, 0, out, p, head.length);
            p += head.length;
            System.arraycopy(REV, 0, out, p, REV.length);
            p += REV.length;
            System.arraycopy(r, 0, out, p, r.length);
            p += r.length;
            out[p++] = '"';
            System.arraycopy(tail, 0, out, p, tail.length);
            return out;
        }
    }

    /** Encodes everything of a document except its revision. */
    public static Prepared prepare(String collection, String key, ObjectNode body, boolean edge) {
        ByteArrayOutputStream head = new ByteArrayOutputStream(64);
        try (JsonGenerator g = Json.FACTORY.createGenerator(head)) {
            g.writeStartObject();
            g.writeStringField("_key", key);
            g.writeStringField("_id", collection + "/" + key);
            if (edge) {
                g.writeStringField("_from", body.path("_from").asText());
                g.writeStringField("_to", body.path("_to").asText());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] h = head.toByteArray();
        ByteArrayOutputStream tail = new ByteArrayOutputStream(body.size() * 24 + 2);
        try (JsonGenerator g = Json.FACTORY.createGenerator(tail)) {
            g.writeStartObject();
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
        byte[] t = tail.toByteArray();
        // head without its closing brace; tail without its opening brace, plus a comma if
        // there are user attributes: {"_key":..,"_id":.. | ,"_rev":".." | ,"a":1}
        byte[] headOpen = java.util.Arrays.copyOf(h, h.length - 1);
        byte[] tailRest;
        if (t.length == 2) {
            tailRest = new byte[] {'}'};
        } else {
            tailRest = new byte[t.length];
            tailRest[0] = ',';
            System.arraycopy(t, 1, tailRest, 1, t.length - 1);
        }
        return new Prepared(headOpen, tailRest);
    }

    /** The complete stored form of a document. */
    public static byte[] build(
            String collection, String key, long rev, ObjectNode body, boolean edge) {
        return prepare(collection, key, body, edge).withRevision(rev);
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
