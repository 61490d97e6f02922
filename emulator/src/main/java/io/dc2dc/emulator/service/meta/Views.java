package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The views of each database, as a coordinator's Plan holds them: {@code arangosearch} views with
 * their {@code links} to collections and {@code search-alias} views with their inverted {@code
 * indexes}. Views share the name space of collections. Links and index references point at a
 * collection by plan id, so they vanish with a dropped collection. Renaming is refused like in a
 * real cluster (501/1470). Serialised by the cluster's DDL lock. Thread-safe.
 */
public final class Views {
    static final String ARANGOSEARCH = "arangosearch";
    static final String SEARCH_ALIAS = "search-alias";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_\\-]{0,255}");

    /** Mutable view state; guarded by the DDL lock, read as immutable snapshots. */
    private static final class View {
        final long id;
        final String name;
        final String type;
        volatile ObjectNode properties; // arangosearch: settings; search-alias: {}
        volatile Map<Long, JsonNode> links = new LinkedHashMap<>(); // by collection plan id
        volatile List<long[]> indexes = new ArrayList<>(); // {collection plan id, index id}

        View(long id, String name, String type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }
    }

    private final Cluster cluster;
    private final Map<Database, Map<String, View>> byDatabase = new WeakHashMap<>();

    public Views(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The default consolidation policy of arangosearch views and inverted indexes. */
    public static ObjectNode defaultConsolidationPolicy() {
        ObjectNode p = Json.object();
        p.put("type", "tier");
        p.put("segmentsBytesMax", 8_589_934_592L);
        p.put("maxSkewThreshold", 0.4);
        p.put("minDeletionRatio", 0.5);
        return p;
    }

    /** {@code POST /_api/view}: creates a view and returns its full description. */
    public ObjectNode create(Database db, ObjectNode body) {
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            throw new ApiException(ErrorCode.ILLEGAL_NAME, "illegal name");
        }
        String type = body.path("type").asText("");
        if (!type.equals(ARANGOSEARCH) && !type.equals(SEARCH_ALIAS)) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid view type '" + type + "'");
        }
        cluster.ddl().lock();
        try {
            Map<String, View> views = views(db);
            if (views.containsKey(name.asText()) || db.collection(name.asText()) != null) {
                throw new ApiException(
                        ErrorCode.DUPLICATE_NAME, "duplicate name: " + name.asText());
            }
            View v = new View(cluster.ids().next(), name.asText(), type);
            if (type.equals(ARANGOSEARCH)) {
                v.properties = arangosearchSettings(body, null);
                v.links = links(db, body.path("links"), new LinkedHashMap<>());
            } else {
                v.properties = Json.object();
                v.indexes = indexes(db, body.path("indexes"), new ArrayList<>());
            }
            views.put(v.name, v);
            cluster.bumpPlanVersion();
            return describe(db, v, true);
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** All views of a database: {@code {globallyUniqueId,id,name,type}}, by name. */
    public List<ObjectNode> list(Database db) {
        List<ObjectNode> out = new ArrayList<>();
        for (View v : snapshot(db)) {
            out.add(brief(v));
        }
        return out;
    }

    /** {@code GET /_api/view/{v}}. */
    public ObjectNode brief(Database db, String nameOrId) {
        return brief(require(db, nameOrId));
    }

    /** Full properties of a view (what {@code /properties} and inventories show). */
    public ObjectNode properties(Database db, String nameOrId) {
        return describe(db, require(db, nameOrId), true);
    }

    /** Full descriptions of all views, for {@code clusterInventory}. */
    public List<ObjectNode> inventory(Database db) {
        List<ObjectNode> out = new ArrayList<>();
        for (View v : snapshot(db)) {
            out.add(describe(db, v, true));
        }
        return out;
    }

    /** {@code PUT} ({@code partial=false}) or {@code PATCH} ({@code partial=true}) properties. */
    public ObjectNode update(Database db, String nameOrId, ObjectNode body, boolean partial) {
        cluster.ddl().lock();
        try {
            View v = require(db, nameOrId);
            if (v.type.equals(ARANGOSEARCH)) {
                ObjectNode settings = arangosearchSettings(body, partial ? v.properties : null);
                Map<Long, JsonNode> base =
                        partial ? new LinkedHashMap<>(v.links) : new LinkedHashMap<>();
                Map<Long, JsonNode> links = links(db, body.path("links"), base);
                v.properties = settings;
                v.links = links;
            } else {
                List<long[]> base = partial ? new ArrayList<>(v.indexes) : new ArrayList<>();
                v.indexes = indexes(db, body.path("indexes"), base);
            }
            cluster.bumpPlanVersion();
            return describe(db, v, true);
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Renaming a view is not supported in a cluster (arangod: 501/1470). */
    public ObjectNode rename(Database db, String nameOrId) {
        require(db, nameOrId);
        throw new ApiException(ErrorCode.CLUSTER_UNSUPPORTED);
    }

    public void drop(Database db, String nameOrId) {
        cluster.ddl().lock();
        try {
            View v = require(db, nameOrId);
            views(db).remove(v.name);
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Whether any arangosearch link of the database uses the analyzer (short or full name). */
    public boolean usesAnalyzer(Database db, String shortName) {
        String full = db.name() + "::" + shortName;
        for (View v : snapshot(db)) {
            for (JsonNode link : v.links.values()) {
                for (JsonNode a : link.findValues("analyzers")) {
                    for (JsonNode n : a) {
                        if (n.asText().equals(shortName) || n.asText().equals(full)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ internals

    private synchronized Map<String, View> views(Database db) {
        return byDatabase.computeIfAbsent(db, k -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    private List<View> snapshot(Database db) {
        List<View> out = new ArrayList<>(views(db).values());
        out.sort(Comparator.comparing(v -> v.name));
        return out;
    }

    private View require(Database db, String nameOrId) {
        for (View v : views(db).values()) {
            if (v.name.equals(nameOrId) || Long.toString(v.id).equals(nameOrId)) {
                return v;
            }
        }
        throw ApiException.dataSourceNotFound(nameOrId);
    }

    private static String guid(View v) {
        return "c" + v.id + "/";
    }

    private static ObjectNode brief(View v) {
        ObjectNode o = Json.object();
        o.put("globallyUniqueId", guid(v));
        o.put("id", Long.toString(v.id));
        o.put("name", v.name);
        o.put("type", v.type);
        return o;
    }

    private static ObjectNode describe(Database db, View v, boolean withLinks) {
        ObjectNode o = brief(v);
        if (v.type.equals(ARANGOSEARCH)) {
            o.setAll(v.properties);
            ObjectNode links = o.putObject("links");
            for (Map.Entry<Long, JsonNode> e : v.links.entrySet()) {
                ClusterCollection c = byPlanId(db, e.getKey());
                if (c != null && withLinks) {
                    links.set(c.name(), e.getValue());
                }
            }
        } else {
            ArrayNode indexes = o.putArray("indexes");
            for (long[] ref : v.indexes) {
                ClusterCollection c = byPlanId(db, ref[0]);
                if (c == null) {
                    continue;
                }
                for (ObjectNode def : c.indexes()) {
                    if (def.path("id").asText().equals(Long.toString(ref[1]))) {
                        indexes.addObject()
                                .put("collection", c.name())
                                .put("index", def.path("name").asText());
                    }
                }
            }
        }
        return o;
    }

    private static ClusterCollection byPlanId(Database db, long planId) {
        ClusterCollection c = db.collection(Long.toString(planId));
        return c == null || c.dropped() ? null : c;
    }

    /** Mutable settings of an arangosearch view, defaults for what {@code body} lacks. */
    private static ObjectNode arangosearchSettings(ObjectNode body, ObjectNode previous) {
        ObjectNode p = Json.object();
        setting(p, body, previous, "cleanupIntervalStep", Json.NODES.numberNode(2));
        setting(p, body, previous, "commitIntervalMsec", Json.NODES.numberNode(1000));
        setting(p, body, previous, "consolidationIntervalMsec", Json.NODES.numberNode(5000));
        setting(p, body, previous, "consolidationPolicy", defaultConsolidationPolicy());
        // immutable after creation: taken from the creation body only
        immutable(p, body, previous, "optimizeTopK", Json.array());
        immutable(p, body, previous, "primarySort", Json.array());
        immutable(p, body, previous, "primarySortCompression", Json.NODES.textNode("lz4"));
        immutable(p, body, previous, "storedValues", Json.array());
        immutable(p, body, previous, "writebufferActive", Json.NODES.numberNode(0));
        immutable(p, body, previous, "writebufferIdle", Json.NODES.numberNode(64));
        immutable(p, body, previous, "writebufferSizeMax", Json.NODES.numberNode(33_554_432));
        return p;
    }

    private static void setting(
            ObjectNode out, ObjectNode body, ObjectNode previous, String key, JsonNode dflt) {
        JsonNode v = body.get(key);
        if (v != null && !v.isNull()) {
            out.set(key, v);
        } else if (previous != null && previous.has(key)) {
            out.set(key, previous.get(key));
        } else {
            out.set(key, dflt);
        }
    }

    private static void immutable(
            ObjectNode out, ObjectNode body, ObjectNode previous, String key, JsonNode dflt) {
        if (previous == null) {
            setting(out, body, null, key, dflt);
        } else {
            out.set(key, previous.has(key) ? previous.get(key) : dflt);
        }
    }

    /**
     * Applies a {@code links} object onto {@code base}: an object (re)defines a collection's link,
     * {@code null} removes it. Unknown collections are 404/1203.
     */
    private static Map<Long, JsonNode> links(
            Database db, JsonNode links, Map<Long, JsonNode> base) {
        if (links.isMissingNode() || links.isNull()) {
            return base;
        }
        if (!links.isObject()) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "'links' must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ClusterCollection c = db.collection(e.getKey());
            if (c == null) {
                throw ApiException.dataSourceNotFound(e.getKey());
            }
            if (e.getValue().isNull()) {
                base.remove(c.planId());
            } else if (e.getValue().isObject()) {
                base.put(c.planId(), link((ObjectNode) e.getValue()));
            } else {
                throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid link definition");
            }
        }
        return base;
    }

    /** A link with arangod's defaults, keys sorted. */
    private static ObjectNode link(ObjectNode in) {
        ObjectNode o = Json.object();
        o.set(
                "analyzers",
                in.has("analyzers") ? in.get("analyzers") : Json.array().add("identity"));
        o.set("fields", in.has("fields") ? in.get("fields") : Json.object());
        o.put("includeAllFields", in.path("includeAllFields").asBoolean(false));
        o.put("storeValues", in.path("storeValues").asText("none"));
        o.put("trackListPositions", in.path("trackListPositions").asBoolean(false));
        return o;
    }

    /**
     * Applies search-alias {@code indexes} onto {@code base}; entries with {@code "operation":
     * "del"} remove. Each must name an inverted index of an existing collection (404 otherwise).
     */
    private static List<long[]> indexes(Database db, JsonNode indexes, List<long[]> base) {
        if (indexes.isMissingNode() || indexes.isNull()) {
            return base;
        }
        if (!indexes.isArray()) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "'indexes' must be an array");
        }
        for (JsonNode ref : indexes) {
            String collection = ref.path("collection").asText("");
            String index = ref.path("index").asText("");
            ClusterCollection c = db.collection(collection);
            if (c == null) {
                throw ApiException.dataSourceNotFound(collection);
            }
            ObjectNode def = null;
            for (ObjectNode d : c.indexes()) {
                if (d.path("type").asText().equals("inverted")
                        && (d.path("name").asText().equals(index)
                                || d.path("id").asText().equals(index))) {
                    def = d;
                }
            }
            if (def == null) {
                throw new ApiException(404, 1212, "index not found: " + index);
            }
            long[] entry = {c.planId(), def.path("id").asLong()};
            base.removeIf(e -> e[0] == entry[0] && e[1] == entry[1]);
            if (!"del".equals(ref.path("operation").asText(""))) {
                base.add(entry);
            }
        }
        return base;
    }
}
