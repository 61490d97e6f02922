package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Compares view definitions ({@code GET /_api/view/{v}/properties}) between two clusters and says
 * what the destination needs: nothing, a partial update ({@code PATCH …/properties} with only what
 * differs), or a drop and re-creation (another type, or a property that cannot change after
 * creation, such as {@code primarySort} or {@code storedValues}). Pure functions.
 *
 * <p>Example: the source's {@code {"name":"v","type":"arangosearch","commitIntervalMsec":500,
 * "links":{"a":{…}}}} against a destination {@code {"name":"v","type":"arangosearch",
 * "commitIntervalMsec":1000,"links":{"a":{…},"b":{…}}}} gives the update {@code
 * {"commitIntervalMsec":500,"links":{"b":null}}}.
 */
final class ViewDefinitions {

    static final String ARANGOSEARCH = "arangosearch";
    static final String SEARCH_ALIAS = "search-alias";

    /** Fields that describe one cluster's instance of the view, not the view. */
    private static final Set<String> INSTANCE_FIELDS =
            Set.of("id", "globallyUniqueId", "planId", "error", "code");

    /** Settings of an arangosearch view that {@code PATCH …/properties} can change. */
    private static final Set<String> MUTABLE =
            Set.of(
                    "cleanupIntervalStep",
                    "commitIntervalMsec",
                    "consolidationIntervalMsec",
                    "consolidationPolicy");

    /** What the destination's view needs. */
    sealed interface Change {}

    /** The view is as wanted. */
    record Same() implements Change {}

    /** A {@code PATCH …/properties} with this body brings the view to the wanted definition. */
    record Update(ObjectNode body) implements Change {}

    /** The view must be dropped and created again from the wanted definition. */
    record Recreate() implements Change {}

    private ViewDefinitions() {}

    /** A view's properties without ids; search-alias index references in a stable order. */
    static ObjectNode normalize(JsonNode properties) {
        ObjectNode out = ((ObjectNode) properties).deepCopy();
        out.remove(INSTANCE_FIELDS);
        if (out.get("indexes") instanceof ArrayNode indexes) {
            out.set("indexes", sortedReferences(indexes));
        }
        return out;
    }

    /**
     * The source's definition as the destination can hold it now: links to collections and
     * references to inverted indexes that do not exist there yet are left out (a later pass adds
     * them once they do).
     */
    static ObjectNode forDestination(
            ObjectNode source,
            Predicate<String> collectionExists,
            BiPredicate<String, String> invertedIndexExists) {
        ObjectNode out = source.deepCopy();
        if (out.get("links") instanceof ObjectNode links) {
            links.properties().removeIf(e -> !collectionExists.test(e.getKey()));
        }
        if (out.get("indexes") instanceof ArrayNode indexes) {
            ArrayNode present = out.putArray("indexes");
            for (JsonNode ref : indexes) {
                if (invertedIndexExists.test(
                        ref.path("collection").asText(), ref.path("index").asText())) {
                    present.add(ref);
                }
            }
        }
        return out;
    }

    /**
     * What turns {@code existing} into {@code wanted} (both normalized). Only fields both sides
     * show are compared, so a destination of another ArangoDB version that shows more or fewer
     * settings is not re-created at every pass.
     */
    static Change compare(ObjectNode wanted, ObjectNode existing) {
        if (!wanted.path("type").equals(existing.path("type"))) {
            return new Recreate();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : wanted.properties()) {
            String field = e.getKey();
            JsonNode now = existing.get(field);
            if (field.equals("name")
                    || field.equals("type")
                    || field.equals("links")
                    || field.equals("indexes")
                    || now == null
                    || now.equals(e.getValue())) {
                continue;
            }
            if (!MUTABLE.contains(field)) {
                return new Recreate();
            }
            body.set(field, e.getValue());
        }
        if (wanted.path("type").asText().equals(SEARCH_ALIAS)) {
            ArrayNode indexes = indexChanges(wanted.path("indexes"), existing.path("indexes"));
            if (!indexes.isEmpty()) {
                body.set("indexes", indexes);
            }
        } else {
            ObjectNode links = linkChanges(wanted.path("links"), existing.path("links"));
            if (!links.isEmpty()) {
                body.set("links", links);
            }
        }
        return body.isEmpty() ? new Same() : new Update(body);
    }

    /** Links to add or redefine (their definition) and to remove ({@code null}). */
    private static ObjectNode linkChanges(JsonNode wanted, JsonNode existing) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : wanted.properties()) {
            if (!e.getValue().equals(existing.get(e.getKey()))) {
                out.set(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> e : existing.properties()) {
            if (!wanted.has(e.getKey())) {
                out.putNull(e.getKey());
            }
        }
        return out;
    }

    /** Index references to add, and to remove ({@code "operation":"del"}). */
    private static ArrayNode indexChanges(JsonNode wanted, JsonNode existing) {
        Set<JsonNode> have = new HashSet<>();
        existing.forEach(have::add);
        Set<JsonNode> want = new HashSet<>();
        wanted.forEach(want::add);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode ref : wanted) {
            if (!have.contains(ref)) {
                out.add(ref);
            }
        }
        for (JsonNode ref : existing) {
            if (!want.contains(ref)) {
                out.add(((ObjectNode) ref.deepCopy()).put("operation", "del"));
            }
        }
        return out;
    }

    private static ArrayNode sortedReferences(ArrayNode indexes) {
        List<JsonNode> refs = new ArrayList<>();
        indexes.forEach(refs::add);
        refs.sort(
                Comparator.comparing((JsonNode r) -> r.path("collection").asText())
                        .thenComparing(r -> r.path("index").asText()));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        refs.forEach(out::add);
        return out;
    }
}
