package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.service.Change;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Enforces unique persistent indexes on document writes, the way a shard leader does: a new or
 * changed document whose index entry another live document of the shard already has fails with
 * 409/1210 naming the index and the conflicting key. Earlier items of the same request and the
 * uncommitted writes of a stream transaction count as if applied.
 *
 * <p>Committed entries come from a per-replica cache that is refreshed from the leader's data when
 * the server's tick moved (only versions that changed are re-read). Callers hold the lock of every
 * shard they check, which keeps the leader's data of those shards still during a check.
 * Thread-safe.
 */
public final class UniqueIndexes {
    private final Cluster cluster;
    private final Map<ShardReplica, ReplicaEntries> caches =
            Collections.synchronizedMap(new WeakHashMap<>());

    public UniqueIndexes(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * A check scope for one write call on {@code c}, or null when the collection has no unique
     * index. {@code pending} are uncommitted changes that already count (a stream transaction's).
     */
    public Scope scope(ClusterCollection c, List<Change> pending) {
        List<ObjectNode> unique = new ArrayList<>();
        for (ObjectNode def : c.indexes()) {
            if (def.path("unique").asBoolean(false)
                    && def.path("type").asText().equals("persistent")) {
                unique.add(def);
            }
        }
        if (unique.isEmpty()) {
            return null;
        }
        Scope s = new Scope(unique);
        if (pending != null) {
            for (Change ch : pending) {
                if (ch.shard().collection() == c) {
                    s.record(ch);
                }
            }
        }
        return s;
    }

    /**
     * Fails with 1210 when the existing documents of {@code c} violate {@code definition}, for
     * building a new unique index. Callers hold the locks of all shards of {@code c}.
     */
    public void verifyExisting(ClusterCollection c, ObjectNode definition) {
        for (Shard s : c.shards()) {
            ReplicaEntries entries = entries(s);
            if (entries == null) {
                continue;
            }
            Map<String, String> seen = new HashMap<>();
            for (Iterator<DocVersion> it = entries.replica.heads(); it.hasNext(); ) {
                DocVersion v = it.next();
                if (v.tombstone()) {
                    continue;
                }
                for (String e : IndexKeys.of(definition, Json.tree(v.json()))) {
                    String other = seen.putIfAbsent(e, v.key());
                    if (other != null) {
                        throw violation(definition, other);
                    }
                }
            }
        }
    }

    static ApiException violation(ObjectNode def, String conflictingKey) {
        List<String> fields = new ArrayList<>();
        def.path("fields").forEach(f -> fields.add(f.asText()));
        return new ApiException(
                ErrorCode.UNIQUE_CONSTRAINT_VIOLATED,
                "unique constraint violated - in index "
                        + def.path("name").asText()
                        + " of type "
                        + def.path("type").asText()
                        + " over '"
                        + String.join(", ", fields)
                        + "'; conflicting key: "
                        + conflictingKey);
    }

    private ReplicaEntries entries(Shard s) {
        DbServer leader = cluster.dbServer(s.leader());
        ShardReplica r = leader == null ? null : leader.replica(s);
        if (r == null) {
            return null;
        }
        return caches.computeIfAbsent(r, k -> new ReplicaEntries(k));
    }

    /** The uniqueness state of one write call: its own decided changes on top of the leaders. */
    public final class Scope {
        private final List<ObjectNode> indexes;

        /** Per index: entry → key of the uncommitted document holding it. */
        private final Map<String, Map<String, String>> pendingByEntry = new HashMap<>();

        /** Per index: key → entries of its uncommitted version (empty when removed). */
        private final Map<String, Map<String, List<String>>> pendingByKey = new HashMap<>();

        private Scope(List<ObjectNode> indexes) {
            this.indexes = indexes;
            for (ObjectNode def : indexes) {
                pendingByEntry.put(id(def), new HashMap<>());
                pendingByKey.put(id(def), new HashMap<>());
            }
        }

        /** Checks a decided change against every unique index and records it; may throw 1210. */
        public void admit(Change next) {
            if (!next.removal()) {
                JsonNode doc = Json.tree(next.json());
                for (ObjectNode def : indexes) {
                    check(def, next, IndexKeys.of(def, doc));
                }
            }
            record(next);
        }

        private void check(ObjectNode def, Change next, List<String> entries) {
            String id = id(def);
            if (!def.path("deduplicate").asBoolean(true)
                    && new LinkedHashSet<>(entries).size() != entries.size()) {
                throw violation(def, next.key());
            }
            ReplicaEntries committed = entries(next.shard());
            for (String e : entries) {
                String pendingKey = pendingByEntry.get(id).get(e);
                if (pendingKey != null && !pendingKey.equals(next.key())) {
                    throw violation(def, pendingKey);
                }
                if (committed == null) {
                    continue;
                }
                for (String k : committed.keysWith(def, e)) {
                    // a key changed in this scope is judged by its pending version (above)
                    if (!k.equals(next.key()) && !pendingByKey.get(id).containsKey(k)) {
                        throw violation(def, k);
                    }
                }
            }
        }

        private void record(Change ch) {
            JsonNode doc = ch.removal() ? null : Json.tree(ch.json());
            for (ObjectNode def : indexes) {
                String id = id(def);
                Map<String, String> byEntry = pendingByEntry.get(id);
                List<String> old = pendingByKey.get(id).get(ch.key());
                if (old != null) {
                    for (String e : old) {
                        byEntry.remove(e, ch.key());
                    }
                }
                List<String> now = doc == null ? List.of() : IndexKeys.of(def, doc);
                pendingByKey.get(id).put(ch.key(), now);
                for (String e : now) {
                    byEntry.put(e, ch.key());
                }
            }
        }
    }

    private static String id(ObjectNode def) {
        return def.path("id").asText();
    }

    /** Committed index entries of one leader replica, per unique index. */
    private static final class ReplicaEntries {
        private final ShardReplica replica;
        private final Map<String, IndexEntries> byIndex = new HashMap<>();

        ReplicaEntries(ShardReplica replica) {
            this.replica = replica;
        }

        synchronized Set<String> keysWith(ObjectNode def, String entry) {
            IndexEntries ie = byIndex.computeIfAbsent(id(def), k -> new IndexEntries(def));
            if (ie.definition != def) {
                ie = new IndexEntries(def);
                byIndex.put(id(def), ie);
            }
            ie.refresh(replica);
            Set<String> keys = ie.keysByEntry.get(entry);
            return keys == null ? Set.of() : keys;
        }
    }

    /**
     * Entries of one index over one replica, refreshed incrementally: document versions are
     * immutable objects, so a head that is the same object as last time needs no re-reading.
     */
    private static final class IndexEntries {
        private final ObjectNode definition;
        private final Map<String, DocVersion> versions = new HashMap<>();
        private final Map<String, List<String>> entriesByKey = new HashMap<>();
        private final Map<String, Set<String>> keysByEntry = new HashMap<>();
        private long stamp = -1;

        IndexEntries(ObjectNode definition) {
            this.definition = definition;
        }

        void refresh(ShardReplica r) {
            // every change of a replica's data appends to its server's WAL, so an unchanged last
            // tick means unchanged data
            long tick = r.server().lastTick();
            if (tick == stamp) {
                return;
            }
            Set<String> live = new java.util.HashSet<>(versions.size() * 2);
            for (Iterator<DocVersion> it = r.heads(); it.hasNext(); ) {
                DocVersion v = it.next();
                if (v.tombstone()) {
                    continue;
                }
                live.add(v.key());
                if (versions.get(v.key()) != v) {
                    unindex(v.key());
                    versions.put(v.key(), v);
                    List<String> entries = IndexKeys.of(definition, Json.tree(v.json()));
                    entriesByKey.put(v.key(), entries);
                    for (String e : entries) {
                        keysByEntry.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(v.key());
                    }
                }
            }
            if (live.size() != versions.size()) {
                for (String key : new ArrayList<>(versions.keySet())) {
                    if (!live.contains(key)) {
                        unindex(key);
                        versions.remove(key);
                    }
                }
            }
            stamp = tick;
        }

        private void unindex(String key) {
            List<String> old = entriesByKey.remove(key);
            if (old == null) {
                return;
            }
            for (String e : old) {
                Set<String> keys = keysByEntry.get(e);
                if (keys != null) {
                    keys.remove(key);
                    if (keys.isEmpty()) {
                        keysByEntry.remove(e);
                    }
                }
            }
        }
    }
}
