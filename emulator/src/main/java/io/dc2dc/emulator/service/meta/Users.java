package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.auth.UserStore;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.KeyGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * User management ({@code /_api/user}) on the documents of {@code _system/_users}, in exactly the
 * form {@link UserStore} authenticates from (so a copied document logs in on another cluster):
 *
 * <pre>{"_key":"admin@myapp","user":"admin@myapp","source":"LOCAL",
 *  "authData":{"active":true,"simple":{"hash":"9f…","salt":"1a2b3c4d","method":"sha256"}},
 *  "databases":{"_system":{"permissions":{"read":true,"write":true},
 *                          "collections":{"reports":{"permissions":{"read":true,"write":false}}}}},
 *  "extra":{}}</pre>
 *
 * Permission grants are {@code "rw"}, {@code "ro"} or {@code "none"}; database {@code "*"} and
 * collection {@code "*"} are the defaults. Changes are serialised by the cluster's DDL lock.
 */
public final class Users {
    static final String COLLECTION = "_users";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cluster cluster;
    private final SystemDocuments docs;

    public Users(Cluster cluster, SystemDocuments docs) {
        this.cluster = cluster;
        this.docs = docs;
    }

    private Database system() {
        return cluster.requireDatabase("_system");
    }

    /** Creates a user: 409/1702 when the name is taken, 400/1700 for an invalid name. */
    public ObjectNode create(ObjectNode body) {
        JsonNode user = body.get("user");
        if (user == null || !user.isTextual() || user.asText().isEmpty()) {
            throw new ApiException(400, 1700, "invalid user name");
        }
        String name = user.asText();
        cluster.ddl().lock();
        try {
            if (find(name) != null) {
                throw new ApiException(ErrorCode.USER_DUPLICATE, "duplicate user");
            }
            ObjectNode doc = Json.object();
            if (KeyGenerator.isValidKey(name)) {
                doc.put("_key", name);
            }
            doc.put("user", name);
            doc.put("source", "LOCAL");
            ObjectNode auth = doc.putObject("authData");
            auth.put("active", body.path("active").asBoolean(true));
            auth.set("simple", simple(body.path("passwd").asText("")));
            doc.putObject("databases");
            doc.set("extra", body.path("extra").isObject() ? body.get("extra") : Json.object());
            return describe(docs.insert(system(), COLLECTION, doc));
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** {@code {user, active, extra}} of every user. */
    public List<ObjectNode> list() {
        return docs.all(system(), COLLECTION).stream()
                .filter(d -> d.path("user").isTextual())
                .map(Users::describe)
                .toList();
    }

    public ObjectNode get(String name) {
        return describe(require(name));
    }

    /** PUT (replace: omitted fields reset) or PATCH (update: omitted fields kept). */
    public ObjectNode modify(String name, ObjectNode body, boolean replace) {
        return change(
                name,
                doc -> {
                    ObjectNode auth = (ObjectNode) doc.get("authData");
                    if (replace || body.has("passwd")) {
                        auth.set("simple", simple(body.path("passwd").asText("")));
                    }
                    if (replace || body.has("active")) {
                        auth.put("active", body.path("active").asBoolean(true));
                    }
                    if (replace || body.has("extra")) {
                        ObjectNode extra =
                                body.path("extra").isObject()
                                        ? (ObjectNode) body.get("extra")
                                        : Json.object();
                        if (!replace && doc.path("extra").isObject()) {
                            ObjectNode merged = ((ObjectNode) doc.get("extra")).deepCopy();
                            merged.setAll(extra);
                            extra = merged;
                        }
                        doc.set("extra", extra);
                    }
                });
    }

    public void remove(String name) {
        cluster.ddl().lock();
        try {
            docs.remove(system(), COLLECTION, require(name).path("_key").asText());
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Grants {@code grant} on a database ({@code "*"} allowed); 404/1228 for unknown ones. */
    public void grantDatabase(String name, String database, String grant) {
        checkGrant(grant);
        if (!database.equals("*")) {
            cluster.requireDatabase(database);
        }
        change(
                name,
                doc -> {
                    ObjectNode db = databaseEntry(doc, database);
                    db.set("permissions", permissions(grant));
                });
    }

    /** Grants {@code grant} on a collection ({@code "*"} allowed); 404/1203 for unknown ones. */
    public void grantCollection(String name, String database, String collection, String grant) {
        checkGrant(grant);
        Database db = database.equals("*") ? null : cluster.requireDatabase(database);
        if (db != null && !collection.equals("*") && db.collection(collection) == null) {
            throw ApiException.dataSourceNotFound(collection);
        }
        change(
                name,
                doc -> {
                    ObjectNode cols =
                            databaseEntry(doc, database).withObjectProperty("collections");
                    cols.putObject(collection).set("permissions", permissions(grant));
                });
    }

    /** Removes a database grant (the default {@code "*"} applies again). */
    public void revokeDatabase(String name, String database) {
        change(name, doc -> ((ObjectNode) doc.withObjectProperty("databases")).remove(database));
    }

    /** Removes a collection grant. */
    public void revokeCollection(String name, String database, String collection) {
        change(
                name,
                doc -> {
                    JsonNode cols = doc.path("databases").path(database).path("collections");
                    if (cols.isObject()) {
                        ((ObjectNode) cols).remove(collection);
                    }
                });
    }

    /** The explicit grant on a database, or null. */
    public String databaseGrant(String name, String database) {
        return level(require(name).path("databases").path(database).path("permissions"));
    }

    /** Effective access to a database: its grant, else the {@code "*"} grant, else none. */
    public String databaseAccess(String name, String database) {
        if (name.equals("root")) {
            return "rw";
        }
        String g = databaseGrant(name, database);
        if (g == null) {
            g = databaseGrant(name, "*");
        }
        return g == null ? "none" : g;
    }

    /** The explicit grant on a collection, or null. */
    public String collectionGrant(String name, String database, String collection) {
        return level(
                require(name)
                        .path("databases")
                        .path(database)
                        .path("collections")
                        .path(collection)
                        .path("permissions"));
    }

    /**
     * Effective access to a collection: its grant, the database's {@code "*"} collection grant, the
     * global defaults, then the database access. {@code _users} is hidden from everybody but root
     * unless granted explicitly.
     */
    public String collectionAccess(String name, String database, String collection) {
        if (name.equals("root")) {
            return "rw";
        }
        String g = collectionGrant(name, database, collection);
        if (g == null) {
            g = collectionGrant(name, database, "*");
        }
        if (g == null) {
            g = collectionGrant(name, "*", "*");
        }
        if (g != null) {
            return g;
        }
        if (database.equals("_system") && collection.equals(COLLECTION)) {
            return "none";
        }
        return databaseAccess(name, database);
    }

    // ------------------------------------------------------------------ internals

    private ObjectNode find(String name) {
        ObjectNode byKey =
                KeyGenerator.isValidKey(name) ? docs.get(system(), COLLECTION, name) : null;
        if (byKey != null && name.equals(byKey.path("user").asText())) {
            return byKey;
        }
        for (ObjectNode d : docs.all(system(), COLLECTION)) {
            if (name.equals(d.path("user").asText())) {
                return d;
            }
        }
        return null;
    }

    private ObjectNode require(String name) {
        ObjectNode d = find(name);
        if (d == null) {
            throw new ApiException(ErrorCode.USER_NOT_FOUND, "user not found");
        }
        return d;
    }

    private ObjectNode change(String name, Consumer<ObjectNode> edit) {
        cluster.ddl().lock();
        try {
            ObjectNode doc = require(name);
            String key = doc.path("_key").asText();
            ObjectNode next = doc.deepCopy();
            next.remove(List.of("_id", "_rev"));
            if (!next.path("authData").isObject()) {
                next.putObject("authData");
            }
            edit.accept(next);
            return describe(docs.replace(system(), COLLECTION, key, next));
        } finally {
            cluster.ddl().unlock();
        }
    }

    private static ObjectNode databaseEntry(ObjectNode doc, String database) {
        ObjectNode dbs = doc.withObjectProperty("databases");
        JsonNode db = dbs.get(database);
        return db instanceof ObjectNode o ? o : dbs.putObject(database);
    }

    private static ObjectNode simple(String password) {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        String salt = HexFormat.of().formatHex(b);
        ObjectNode s = Json.object();
        s.put("hash", UserStore.sha256(salt + password));
        s.put("salt", salt);
        s.put("method", "sha256");
        return s;
    }

    private static ObjectNode permissions(String grant) {
        ObjectNode p = Json.object();
        p.put("read", !grant.equals("none"));
        p.put("write", grant.equals("rw"));
        return p;
    }

    private static String level(JsonNode permissions) {
        if (!permissions.isObject()) {
            return null;
        }
        if (permissions.path("write").asBoolean(false)) {
            return "rw";
        }
        return permissions.path("read").asBoolean(false) ? "ro" : "none";
    }

    private static void checkGrant(String grant) {
        if (!grant.equals("rw") && !grant.equals("ro") && !grant.equals("none")) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "invalid grant '" + grant + "'");
        }
    }

    private static ObjectNode describe(ObjectNode doc) {
        ObjectNode o = Json.object();
        o.set("user", doc.path("user"));
        o.put("active", doc.path("authData").path("active").asBoolean(true));
        o.set("extra", doc.path("extra").isObject() ? doc.get("extra") : Json.object());
        return o;
    }
}
