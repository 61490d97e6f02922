package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.ClusterCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@code POST /_api/index} bodies into the index definitions a 3.12 coordinator keeps in its
 * Plan, with every default filled in and keys in arangod's (sorted) order, for example
 *
 * <pre>{"cacheEnabled":false,"deduplicate":true,"estimates":true,"fields":["name"],"id":"73870",
 *  "name":"idx_1872607108348772352","sparse":false,"type":"persistent","unique":false}</pre>
 *
 * <p>{@code hash} and {@code skiplist} become {@code persistent}, {@code geo1}/{@code geo2} become
 * {@code geo}. Also renders definitions for the index API ({@code id} as {@code <collection>/<id>},
 * {@code selectivityEstimate} where the index keeps estimates). Stateless.
 */
public final class IndexDefinitions {
    /** Keys that describe what an index indexes; two indexes agreeing on all are the same. */
    private static final List<String> IDENTITY =
            List.of(
                    "type",
                    "fields",
                    "unique",
                    "sparse",
                    "geoJson",
                    "minLength",
                    "expireAfter",
                    "storedValues",
                    "prefixFields",
                    "fieldValueTypes",
                    "analyzer",
                    "includeAllFields");

    private static final Set<String> TEXT_ANALYZERS =
            Set.of(
                    "text_de", "text_en", "text_es", "text_fi", "text_fr", "text_it", "text_nl",
                    "text_no", "text_pt", "text_ru", "text_sv", "text_zh");

    private IndexDefinitions() {}

    /**
     * The stored definition for a creation body; {@code id} and {@code generatedName} are used
     * unless the body names them. Throws 400/10 for unusable bodies.
     */
    public static ObjectNode normalize(ObjectNode body, long id, String generatedName) {
        String type = body.path("type").asText("");
        Map<String, JsonNode> d = new TreeMap<>();
        switch (type) {
            case "persistent", "hash", "skiplist" -> persistent(body, d);
            case "ttl" -> ttl(body, d);
            case "geo", "geo1", "geo2" -> geo(body, d);
            case "fulltext" -> fulltext(body, d);
            case "inverted" -> inverted(body, d);
            case "mdi", "zkd", "mdi-prefixed" -> mdi(body, type, d);
            case "primary", "edge" ->
                    throw new ApiException(
                            ErrorCode.BAD_PARAMETER, "cannot create index of type '" + type + "'");
            default ->
                    throw new ApiException(
                            ErrorCode.BAD_PARAMETER,
                            "invalid index type definition '" + type + "'");
        }
        d.put("id", Json.NODES.textNode(Long.toString(id)));
        JsonNode name = body.get("name");
        if (name != null && !name.isNull()) {
            if (!name.isTextual() || name.asText().isEmpty() || name.asText().length() > 256) {
                throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid index name");
            }
            d.put("name", name);
        } else {
            d.put("name", Json.NODES.textNode(generatedName));
        }
        ObjectNode out = Json.object();
        d.forEach(out::set);
        return out;
    }

    /** Whether two definitions index the same thing (names and ids do not matter). */
    public static boolean sameDefinition(ObjectNode a, ObjectNode b) {
        for (String k : IDENTITY) {
            if (!a.path(k).equals(b.path(k))) {
                return false;
            }
        }
        return true;
    }

    /** A definition as the index API shows it: qualified id, estimates where kept. */
    public static ObjectNode forApi(ClusterCollection c, ObjectNode def) {
        Map<String, JsonNode> d = new TreeMap<>();
        def.fields().forEachRemaining(e -> d.put(e.getKey(), e.getValue()));
        d.put("id", Json.NODES.textNode(c.name() + "/" + def.path("id").asText()));
        if (def.path("estimates").asBoolean(false)) {
            d.put("selectivityEstimate", Json.NODES.numberNode(1));
        }
        ObjectNode out = Json.object();
        d.forEach(out::set);
        return out;
    }

    /** The primary index every collection has (id 0). */
    public static ObjectNode primary(ClusterCollection c) {
        ObjectNode o = Json.object();
        o.set("fields", Json.array().add("_key"));
        o.put("id", c.name() + "/0");
        o.put("name", "primary");
        o.put("selectivityEstimate", 1);
        o.put("sparse", false);
        o.put("type", "primary");
        o.put("unique", true);
        return o;
    }

    /** The edge indexes of an edge collection: {@code _from} (id 1) and {@code _to} (id 2). */
    public static List<ObjectNode> edge(ClusterCollection c) {
        List<ObjectNode> out = new ArrayList<>(2);
        String[] attrs = {"_from", "_to"};
        for (int i = 0; i < attrs.length; i++) {
            ObjectNode o = Json.object();
            o.set("fields", Json.array().add(attrs[i]));
            o.put("id", c.name() + "/" + (i + 1));
            o.put("name", "edge");
            o.put("selectivityEstimate", 1);
            o.put("sparse", false);
            o.put("type", "edge");
            o.put("unique", false);
            out.add(o);
        }
        return out;
    }

    // ------------------------------------------------------------------ per type

    private static void persistent(ObjectNode body, Map<String, JsonNode> d) {
        d.put("type", Json.NODES.textNode("persistent"));
        d.put("fields", attributeFields(body, 1, Integer.MAX_VALUE));
        d.put("unique", bool(body, "unique", false));
        d.put("sparse", bool(body, "sparse", false));
        d.put("deduplicate", bool(body, "deduplicate", true));
        d.put("estimates", bool(body, "estimates", true));
        d.put("cacheEnabled", bool(body, "cacheEnabled", false));
        JsonNode stored = body.get("storedValues");
        if (stored != null && stored.isArray() && !stored.isEmpty()) {
            d.put("storedValues", stringArray(stored, "storedValues"));
        }
    }

    private static void ttl(ObjectNode body, Map<String, JsonNode> d) {
        d.put("type", Json.NODES.textNode("ttl"));
        d.put("fields", attributeFields(body, 1, 1));
        JsonNode expire = body.get("expireAfter");
        if (expire == null || !expire.isNumber() || expire.asDouble() < 0) {
            throw new ApiException(
                    ErrorCode.BAD_PARAMETER,
                    "expireAfter attribute must be a number greater than or equal to 0");
        }
        d.put("expireAfter", expire);
        d.put("unique", Json.NODES.booleanNode(false));
        d.put("sparse", Json.NODES.booleanNode(true));
        d.put("estimates", Json.NODES.booleanNode(false));
    }

    private static void geo(ObjectNode body, Map<String, JsonNode> d) {
        d.put("type", Json.NODES.textNode("geo"));
        ArrayNode fields = attributeFields(body, 1, 2);
        d.put("fields", fields);
        d.put(
                "geoJson",
                Json.NODES.booleanNode(
                        fields.size() == 1 && bool(body, "geoJson", false).asBoolean()));
        d.put("legacyPolygons", bool(body, "legacyPolygons", false));
        d.put("bestIndexedLevel", Json.NODES.numberNode(17));
        d.put("worstIndexedLevel", Json.NODES.numberNode(4));
        d.put("maxNumCoverCells", Json.NODES.numberNode(8));
        d.put("unique", Json.NODES.booleanNode(false));
        d.put("sparse", Json.NODES.booleanNode(true));
    }

    private static void fulltext(ObjectNode body, Map<String, JsonNode> d) {
        d.put("type", Json.NODES.textNode("fulltext"));
        d.put("fields", attributeFields(body, 1, 1));
        int minLength = body.path("minLength").asInt(2);
        d.put("minLength", Json.NODES.numberNode(minLength < 1 ? 2 : minLength));
        d.put("unique", Json.NODES.booleanNode(false));
        d.put("sparse", Json.NODES.booleanNode(true));
    }

    private static void mdi(ObjectNode body, String type, Map<String, JsonNode> d) {
        d.put("type", Json.NODES.textNode(type));
        d.put("fields", attributeFields(body, 1, Integer.MAX_VALUE));
        JsonNode valueTypes = body.get("fieldValueTypes");
        if (valueTypes == null || !"double".equals(valueTypes.asText())) {
            throw new ApiException(
                    ErrorCode.BAD_PARAMETER, "fieldValueTypes must be set to \"double\"");
        }
        d.put("fieldValueTypes", valueTypes);
        d.put("unique", bool(body, "unique", false));
        d.put("sparse", bool(body, "sparse", false));
        if (type.equals("mdi-prefixed")) {
            JsonNode prefix = body.get("prefixFields");
            if (prefix == null || !prefix.isArray() || prefix.isEmpty()) {
                throw new ApiException(
                        ErrorCode.BAD_PARAMETER, "prefixFields must be a non-empty array");
            }
            d.put("prefixFields", stringArray(prefix, "prefixFields"));
            d.put("estimates", bool(body, "estimates", true));
        } else if (type.equals("mdi")) {
            d.put("estimates", Json.NODES.booleanNode(false));
        }
        JsonNode stored = body.get("storedValues");
        if (stored != null && stored.isArray() && !stored.isEmpty()) {
            d.put("storedValues", stringArray(stored, "storedValues"));
        }
    }

    private static void inverted(ObjectNode body, Map<String, JsonNode> d) {
        d.put("type", Json.NODES.textNode("inverted"));
        JsonNode fields = body.get("fields");
        boolean includeAll = body.path("includeAllFields").asBoolean(false);
        if ((fields == null || !fields.isArray() || fields.isEmpty()) && !includeAll) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "'fields' must be a non-empty array");
        }
        ArrayNode out = Json.array();
        if (fields != null && fields.isArray()) {
            for (JsonNode f : fields) {
                if (f.isTextual()) {
                    out.addObject().put("name", f.asText());
                } else if (f.isObject() && f.path("name").isTextual()) {
                    ObjectNode field = ((ObjectNode) f).deepCopy();
                    if (field.has("analyzer") && !field.has("features")) {
                        ObjectNode withFeatures = Json.object();
                        withFeatures.set("features", features(field.get("analyzer").asText()));
                        withFeatures.setAll(field);
                        field = withFeatures;
                    }
                    out.add(field);
                } else {
                    throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid field definition");
                }
            }
        }
        String analyzer = body.path("analyzer").asText("identity");
        d.put("fields", out);
        d.put("analyzer", Json.NODES.textNode(analyzer));
        d.put("features", body.has("features") ? body.get("features") : features(analyzer));
        d.put("includeAllFields", Json.NODES.booleanNode(includeAll));
        d.put("trackListPositions", bool(body, "trackListPositions", false));
        d.put("searchField", bool(body, "searchField", false));
        d.put("cleanupIntervalStep", num(body, "cleanupIntervalStep", 2));
        d.put("commitIntervalMsec", num(body, "commitIntervalMsec", 1000));
        d.put("consolidationIntervalMsec", num(body, "consolidationIntervalMsec", 5000));
        d.put(
                "consolidationPolicy",
                body.path("consolidationPolicy").isObject()
                        ? body.get("consolidationPolicy")
                        : Views.defaultConsolidationPolicy());
        d.put("optimizeTopK", arrayOrEmpty(body, "optimizeTopK"));
        ObjectNode primarySort = Json.object();
        primarySort.set("fields", arrayOrEmpty(body.path("primarySort"), "fields"));
        primarySort.put("compression", body.path("primarySort").path("compression").asText("lz4"));
        d.put("primarySort", primarySort);
        d.put("storedValues", arrayOrEmpty(body, "storedValues"));
        d.put("version", Json.NODES.numberNode(1));
        d.put("writebufferActive", num(body, "writebufferActive", 0));
        d.put("writebufferIdle", num(body, "writebufferIdle", 64));
        d.put("writebufferSizeMax", num(body, "writebufferSizeMax", 33_554_432));
        d.put("unique", Json.NODES.booleanNode(false));
        d.put("sparse", Json.NODES.booleanNode(true));
    }

    /** The features arangod gives an analyzer's field when none are named. */
    static ArrayNode features(String analyzer) {
        ArrayNode f = Json.array().add("frequency");
        String local =
                analyzer.contains("::") ? analyzer.substring(analyzer.indexOf("::") + 2) : analyzer;
        if (TEXT_ANALYZERS.contains(local)) {
            f.add("position");
        }
        return f.add("norm");
    }

    // ------------------------------------------------------------------ helpers

    private static ArrayNode attributeFields(ObjectNode body, int min, int max) {
        JsonNode fields = body.get("fields");
        if (fields == null || !fields.isArray() || fields.size() < min || fields.size() > max) {
            throw new ApiException(
                    ErrorCode.BAD_PARAMETER,
                    max == 1
                            ? "index must have exactly one field"
                            : "'fields' must be a non-empty array of attribute paths");
        }
        ArrayNode out = stringArray(fields, "fields");
        Set<String> seen = new java.util.HashSet<>();
        for (Iterator<JsonNode> it = out.elements(); it.hasNext(); ) {
            String f = it.next().asText();
            if (f.isEmpty() || !seen.add(f)) {
                throw new ApiException(
                        ErrorCode.BAD_PARAMETER,
                        "duplicate or empty attribute name in index fields");
            }
        }
        return out;
    }

    private static ArrayNode stringArray(JsonNode array, String what) {
        ArrayNode out = Json.array();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new ApiException(ErrorCode.BAD_PARAMETER, "'" + what + "' must hold strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static JsonNode bool(ObjectNode body, String key, boolean dflt) {
        JsonNode v = body.get(key);
        return Json.NODES.booleanNode(v == null || v.isNull() ? dflt : v.asBoolean(dflt));
    }

    private static JsonNode num(ObjectNode body, String key, long dflt) {
        JsonNode v = body.get(key);
        return v != null && v.isNumber() ? v : Json.NODES.numberNode(dflt);
    }

    private static JsonNode arrayOrEmpty(JsonNode body, String key) {
        JsonNode v = body.get(key);
        return v != null && v.isArray() ? v : Json.array();
    }
}
