package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * AQL user functions, stored as documents of each database's {@code _aqlfunctions} collection the
 * way arangod stores them (key = upper-cased name with {@code ::} folded to {@code :}):
 *
 * <pre>{"_key":"MYFUNCTIONS:TEMPERATURE:CELSIUSTOFAHRENHEIT",
 *  "name":"myfunctions::temperature::celsiustofahrenheit",
 *  "code":"function (celsius) { return celsius * 1.8 + 32; }","isDeterministic":true}</pre>
 *
 * The code is kept, never run. Thread-safe.
 */
public final class AqlFunctions {
    static final String COLLECTION = "_aqlfunctions";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_]+(::[a-zA-Z0-9_]+)+");

    private final Cluster cluster;
    private final SystemDocuments docs;

    public AqlFunctions(Cluster cluster, SystemDocuments docs) {
        this.cluster = cluster;
        this.docs = docs;
    }

    /** Registers or replaces a function; true when it did not exist before. */
    public boolean register(Database db, ObjectNode body) {
        String name = body.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            throw new ApiException(400, 1580, "invalid user function name");
        }
        String code = body.path("code").asText("").trim();
        if (!body.path("code").isTextual()
                || !(code.startsWith("function") || code.contains("=>"))) {
            throw new ApiException(400, 1581, "invalid user function code");
        }
        ObjectNode doc = Json.object();
        String key = key(name);
        doc.put("_key", key);
        doc.put("name", name);
        doc.put("code", body.get("code").asText());
        doc.put("isDeterministic", body.path("isDeterministic").asBoolean(false));
        cluster.ddl().lock(); // check-then-write must not interleave with another registration
        try {
            if (docs.get(db, COLLECTION, key) != null) {
                docs.replace(db, COLLECTION, key, doc);
                return false;
            }
            docs.insert(db, COLLECTION, doc);
            return true;
        } finally {
            cluster.ddl().unlock();
        }
    }

    /**
     * Functions whose name starts with {@code namespace::} (all when null), as the API lists them.
     */
    public List<ObjectNode> list(Database db, String namespace) {
        String prefix = namespace == null || namespace.isEmpty() ? null : key(namespace) + ":";
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode d : docs.all(db, COLLECTION)) {
            if (prefix == null || d.path("_key").asText().startsWith(prefix)) {
                ObjectNode f = Json.object();
                f.set("name", d.path("name"));
                f.set("code", d.path("code"));
                f.set("isDeterministic", d.path("isDeterministic"));
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Removes one function, or with {@code group} every function of the namespace; returns how
     * many. One unknown function is 404/1582.
     */
    public int remove(Database db, String name, boolean group) {
        cluster.ddl().lock();
        try {
            if (!group) {
                if (!docs.remove(db, COLLECTION, key(name))) {
                    throw new ApiException(
                            404, 1582, "no AQL user function with name '" + name + "' found");
                }
                return 1;
            }
            String prefix = key(name) + ":";
            int n = 0;
            for (ObjectNode d : docs.all(db, COLLECTION)) {
                String key = d.path("_key").asText();
                if (key.startsWith(prefix) && docs.remove(db, COLLECTION, key)) {
                    n++;
                }
            }
            return n;
        } finally {
            cluster.ddl().unlock();
        }
    }

    private static String key(String name) {
        return name.replace("::", ":").toUpperCase(Locale.ROOT);
    }
}
