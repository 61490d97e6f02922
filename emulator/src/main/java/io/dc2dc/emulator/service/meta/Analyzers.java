package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.Database;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ArangoSearch analyzers: the built-in ones ({@code identity}, {@code text_<locale>}; listed, never
 * stored) and custom ones kept as documents of each database's {@code _analyzers} collection,
 *
 * <pre>{"_key":"myText","name":"myText","type":"text","properties":{"locale":"en"},"features":[]}
 * </pre>
 *
 * and shown with their database prefix ({@code _system::myText}). A database sees its own and
 * {@code _system}'s analyzers. Thread-safe (documents are written through the document service).
 */
public final class Analyzers {
    static final String COLLECTION = "_analyzers";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_\\-]{0,253}");
    private static final Set<String> TYPES =
            Set.of(
                    "identity",
                    "delimiter",
                    "multi_delimiter",
                    "stem",
                    "norm",
                    "ngram",
                    "text",
                    "segmentation",
                    "aql",
                    "pipeline",
                    "stopwords",
                    "collation",
                    "geojson",
                    "geo_point",
                    "geo_s2",
                    "minhash",
                    "classification",
                    "nearest_neighbors",
                    "wildcard");
    private static final Set<String> FEATURES = Set.of("frequency", "norm", "position", "offset");

    /** Built-in analyzers in the order a 3.12 server lists them ({@code RestAnalyzersGet}). */
    private static final List<String> BUILTIN_ORDER =
            List.of(
                    "es",
                    "nl",
                    "identity",
                    "de",
                    "no",
                    "pt",
                    "ru",
                    "en",
                    "it",
                    "fi",
                    "sv",
                    "zh",
                    "fr");

    /** The outcome of a creation: the analyzer's description and whether it is new. */
    public record Created(ObjectNode analyzer, boolean created) {}

    private final Cluster cluster;
    private final SystemDocuments docs;
    private final Views views;

    public Analyzers(Cluster cluster, SystemDocuments docs, Views views) {
        this.cluster = cluster;
        this.docs = docs;
        this.views = views;
    }

    /** {@code POST /_api/analyzer}: 201 new, 200 identical exists, 409/1207 different exists. */
    public Created create(Database db, ObjectNode body) {
        String name = localName(db, body.path("name").asText(""));
        if (!NAME.matcher(name).matches() || builtin(name) != null) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid analyzer name '" + name + "'");
        }
        String type = body.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid analyzer type '" + type + "'");
        }
        JsonNode properties = body.path("properties");
        if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "'properties' must be an object");
        }
        ObjectNode doc = Json.object();
        doc.put("_key", name);
        doc.put("name", name);
        doc.put("type", type);
        doc.set("properties", properties.isObject() ? properties : Json.object());
        doc.set("features", features(body.path("features")));
        cluster.ddl().lock(); // check-then-insert must not interleave with another creation
        try {
            ObjectNode existing = docs.get(db, COLLECTION, name);
            if (existing != null) {
                if (existing.path("type").equals(doc.get("type"))
                        && existing.path("properties").equals(doc.get("properties"))
                        && existing.path("features").equals(doc.get("features"))) {
                    return new Created(describe(db, existing), false);
                }
                throw new ApiException(
                        ErrorCode.DUPLICATE_NAME,
                        "Name collision detected while registering ArangoSearch analyzer name '"
                                + db.name()
                                + "::"
                                + name
                                + "'");
            }
            return new Created(describe(db, docs.insert(db, COLLECTION, doc)), true);
        } finally {
            cluster.ddl().unlock();
        }
    }

    /**
     * Built-ins, the database's analyzers and (outside {@code _system}) those of {@code _system}.
     */
    public List<ObjectNode> list(Database db) {
        List<ObjectNode> out = new ArrayList<>(builtins());
        for (ObjectNode d : docs.all(db, COLLECTION)) {
            out.add(describe(db, d));
        }
        Database system = cluster.database("_system");
        if (!db.isSystem() && system != null) {
            for (ObjectNode d : docs.all(system, COLLECTION)) {
                out.add(describe(system, d));
            }
        }
        return out;
    }

    /** One analyzer by plain, {@code db::}-prefixed or {@code ::}-prefixed name; 404/1202. */
    public ObjectNode get(Database db, String name) {
        ObjectNode b = builtin(name);
        if (b != null) {
            return b;
        }
        Database owner = owner(db, name);
        ObjectNode d = docs.get(owner, COLLECTION, localName(owner, name));
        if (d == null) {
            throw notFound(name);
        }
        return describe(owner, d);
    }

    /** Removes a custom analyzer; 409 when a view still uses it and {@code force} is off. */
    public String remove(Database db, String name, boolean force) {
        if (builtin(name) != null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "built-in analyzers cannot be removed");
        }
        Database owner = owner(db, name);
        if (owner != db) {
            throw new ApiException(ErrorCode.FORBIDDEN, "analyzer of another database");
        }
        String local = localName(db, name);
        cluster.ddl().lock();
        try {
            if (docs.get(db, COLLECTION, local) == null) {
                throw notFound(name);
            }
            if (!force && views.usesAnalyzer(db, local)) {
                throw new ApiException(
                        ErrorCode.CONFLICT, "analyzer '" + db.name() + "::" + local + "' in use");
            }
            docs.remove(db, COLLECTION, local);
            return db.name() + "::" + local;
        } finally {
            cluster.ddl().unlock();
        }
    }

    private Database owner(Database db, String name) {
        if (name.startsWith("::")) {
            return cluster.requireDatabase("_system");
        }
        int sep = name.indexOf("::");
        if (sep > 0) {
            String prefix = name.substring(0, sep);
            if (!prefix.equals(db.name()) && !prefix.equals("_system")) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN, "analyzer of another database: " + name);
            }
            return cluster.requireDatabase(prefix);
        }
        return db;
    }

    private static String localName(Database db, String name) {
        if (name.startsWith("::")) {
            return name.substring(2);
        }
        String prefix = db.name() + "::";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static ObjectNode describe(Database db, ObjectNode doc) {
        ObjectNode o = Json.object();
        o.put("name", db.name() + "::" + doc.path("name").asText());
        o.set("type", doc.path("type"));
        o.set("properties", doc.path("properties"));
        o.set("features", doc.path("features"));
        return o;
    }

    private static ArrayNode features(JsonNode in) {
        Set<String> out = new LinkedHashSet<>();
        if (!in.isMissingNode() && !in.isNull()) {
            if (!in.isArray()) {
                throw new ApiException(ErrorCode.BAD_PARAMETER, "'features' must be an array");
            }
            for (JsonNode f : in) {
                if (!FEATURES.contains(f.asText())) {
                    throw new ApiException(
                            ErrorCode.BAD_PARAMETER, "unknown analyzer feature " + f);
                }
                out.add(f.asText());
            }
        }
        ArrayNode a = Json.array();
        out.forEach(a::add);
        return a;
    }

    private static ApiException notFound(String name) {
        return new ApiException(
                ErrorCode.DOCUMENT_NOT_FOUND, "failure to find analyzer '" + name + "'");
    }

    /** The built-in analyzer of this name, or null. */
    static ObjectNode builtin(String name) {
        for (ObjectNode b : builtins()) {
            if (b.path("name").asText().equals(name)
                    || ("::" + b.path("name").asText()).equals(name)
                    || ("_system::" + b.path("name").asText()).equals(name)) {
                return b;
            }
        }
        return null;
    }

    private static List<ObjectNode> builtins() {
        List<ObjectNode> out = new ArrayList<>();
        for (String locale : BUILTIN_ORDER) {
            ObjectNode a = Json.object();
            if (locale.equals("identity")) {
                a.put("name", "identity");
                a.put("type", "identity");
                a.putObject("properties");
                a.set("features", Json.array().add("frequency").add("norm"));
            } else {
                a.put("name", "text_" + locale);
                a.put("type", "text");
                ObjectNode p = a.putObject("properties");
                p.put("locale", locale);
                p.put("case", "lower");
                p.putArray("stopwords");
                p.put("accent", false);
                p.put("stemming", !locale.equals("zh"));
                a.set("features", Json.array().add("frequency").add("position").add("norm"));
            }
            out.add(a);
        }
        return out;
    }
}
