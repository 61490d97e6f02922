package io.dc2dc.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.service.DocumentService;
import io.dc2dc.emulator.service.WriteOptions;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users as arangod keeps them: documents of {@code _system/_users} with {@code
 * authData.simple{method:"sha256",salt,hash}} (hash = hex(sha256(salt + password))) and
 * per-database permissions. The parsed view is cached and rebuilt when {@code _users} changes.
 * Thread-safe.
 */
public final class UserStore {
    /** One user, as far as authentication and permissions need it. */
    public record User(String name, boolean active, String salt, String hash, JsonNode databases) {}

    private record Snapshot(long version, Map<String, User> users) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cluster cluster;
    private final DocumentService documents;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());
    // Bumped by reload(): a restored user document may carry an older _rev than the newest one
    // seen, which leaves count and last revision unchanged.
    private final AtomicLong reloads = new AtomicLong();

    public UserStore(Cluster cluster, DocumentService documents) {
        this.cluster = cluster;
        this.documents = documents;
    }

    /** Creates the root user with the configured password unless it exists already. */
    public void ensureRoot(String password) {
        if (find("root") == null) {
            save("root", password, true, Json.object(), "*", "rw");
        }
    }

    public User find(String name) {
        return current().users.get(name);
    }

    /** A monotone-ish stamp of the {@code _users} content; changes whenever users change. */
    public long version() {
        ShardReplica r = usersReplica();
        long content = r == null ? 0 : (r.count() << 42) ^ r.lastRevision();
        return content * 31 + reloads.get();
    }

    /**
     * Drops the cached users and the credentials verified with them, like arangod's user cache
     * reload after a restore of {@code _users}.
     */
    public void reload() {
        reloads.incrementAndGet();
    }

    public boolean checkPassword(User u, String password) {
        return u != null && u.active && u.hash != null && u.hash.equals(sha256(u.salt + password));
    }

    /** "rw", "ro" or "none" for a database (root always has "rw"). */
    public String access(String user, String database) {
        if ("root".equals(user)) {
            return "rw";
        }
        User u = find(user);
        if (u == null || !u.active || u.databases == null) {
            return "none";
        }
        JsonNode db = u.databases.get(database);
        if (db == null) {
            db = u.databases.get("*");
        }
        if (db == null) {
            return "none";
        }
        JsonNode perms = db.path("permissions");
        if (perms.path("write").asBoolean(false)) {
            return "rw";
        }
        return perms.path("read").asBoolean(false) ? "ro" : "none";
    }

    /**
     * Creates or replaces a user document (keyed by user name) and grants {@code grant} on {@code
     * database}. Used for the root user and the {@code users} of database creation.
     */
    public void save(
            String name,
            String password,
            boolean active,
            JsonNode extra,
            String database,
            String grant) {
        ClusterCollection users = usersCollection();
        User existing = find(name);
        ObjectNode doc = Json.object();
        doc.put("_key", name);
        doc.put("user", name);
        doc.put("source", "LOCAL");
        ObjectNode authData = doc.putObject("authData");
        authData.put("active", active);
        ObjectNode simple = authData.putObject("simple");
        if (password == null && existing != null) {
            simple.put("hash", existing.hash);
            simple.put("salt", existing.salt);
        } else {
            String salt = HexFormat.of().formatHex(randomBytes(4));
            simple.put("hash", sha256(salt + (password == null ? "" : password)));
            simple.put("salt", salt);
        }
        simple.put("method", "sha256");
        ObjectNode dbs =
                existing != null && existing.databases != null && existing.databases.isObject()
                        ? ((ObjectNode) existing.databases).deepCopy()
                        : Json.object();
        if (database != null) {
            ObjectNode perm = dbs.putObject(database).putObject("permissions");
            perm.put("read", !grant.equals("none"));
            perm.put("write", grant.equals("rw"));
        }
        doc.set("databases", dbs);
        doc.set("extra", extra == null ? Json.object() : extra);
        WriteOptions o =
                new WriteOptions(WriteOptions.OverwriteMode.REPLACE, true, true, true, true, null);
        documents.write(users, DocumentService.Op.INSERT, List.of(doc), null, o, false, null);
    }

    private Snapshot current() {
        long v = version();
        Snapshot s = snapshot;
        if (s.version == v) {
            return s;
        }
        Map<String, User> users = new HashMap<>();
        ShardReplica r = usersReplica();
        if (r != null) {
            for (Iterator<DocVersion> it = r.heads(); it.hasNext(); ) {
                DocVersion d = it.next();
                if (d.tombstone()) {
                    continue;
                }
                JsonNode doc = Json.tree(d.json());
                String name = doc.path("user").asText(null);
                if (name == null) {
                    continue;
                }
                JsonNode auth = doc.path("authData");
                users.put(
                        name,
                        new User(
                                name,
                                auth.path("active").asBoolean(true),
                                auth.path("simple").path("salt").asText(""),
                                auth.path("simple").path("hash").asText(null),
                                doc.get("databases")));
            }
        }
        Snapshot next = new Snapshot(v, Map.copyOf(users));
        snapshot = next;
        return next;
    }

    private ClusterCollection usersCollection() {
        Database system = cluster.requireDatabase("_system");
        return system.collection("_users");
    }

    private ShardReplica usersReplica() {
        Database system = cluster.database("_system");
        ClusterCollection users = system == null ? null : system.collection("_users");
        if (users == null) {
            return null;
        }
        Shard s = users.shards().get(0);
        DbServer leader = cluster.dbServer(s.leader());
        return leader.replica(s);
    }

    /** hex(sha256(s)); a user's hash is {@code sha256(salt + password)}. */
    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
