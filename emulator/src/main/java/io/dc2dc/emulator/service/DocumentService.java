package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.DocumentJson;
import io.dc2dc.emulator.model.KeyGenerator;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.model.ShardHash;
import io.dc2dc.emulator.service.meta.UniqueIndexes;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coordinator's document operations: routes each item to its shard, validates it against the
 * shard leader's data (plus earlier items of the same request or transaction), then applies the
 * decided changes to the leader and every in-sync follower while holding the shard locks.
 *
 * <p>Array requests and stream transaction commits become one WAL transaction (2200…2201) per
 * DB-server; single-document requests are standalone markers with tid 0. Thread-safe; concurrency
 * is bounded per shard.
 */
public final class DocumentService {
    /** The kind of write. */
    public enum Op {
        INSERT,
        REPLACE,
        UPDATE,
        REMOVE
    }

    /** One prepared item; {@code doc} is the pre-encoded body of inserts and replaces. */
    private record Item(
            int index,
            String key,
            Shard shard,
            JsonNode body,
            DocumentJson.Prepared doc,
            ApiException error) {}

    private final Cluster cluster;
    private final UniqueIndexes uniqueIndexes;

    public DocumentService(Cluster cluster) {
        this.cluster = cluster;
        this.uniqueIndexes = new UniqueIndexes(cluster);
    }

    /**
     * Executes a write of one or more items. {@code pathKey} is the key from the URL of a
     * single-document request (null otherwise); {@code grouped} marks array requests.
     */
    public List<Outcome> write(
            ClusterCollection c,
            Op op,
            List<JsonNode> items,
            String pathKey,
            WriteOptions o,
            boolean grouped,
            StreamTransaction trx) {
        if (trx != null) {
            trx.lock().lock();
        }
        try {
            if (trx != null) {
                checkTransaction(trx, c);
            }
            List<Item> prepared = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                prepared.add(prepare(c, op, i, items.get(i), pathKey, o, trx));
            }
            Set<Shard> shards = new LinkedHashSet<>();
            for (Item it : prepared) {
                if (it.shard != null) {
                    shards.add(it.shard);
                }
            }
            try (ShardLocks locks = ShardLocks.lock(shards)) {
                for (Shard s : shards) {
                    requireLeader(s);
                }
                Overlay local = new Overlay();
                UniqueIndexes.Scope unique =
                        uniqueIndexes.scope(c, trx == null ? null : trx.changes);
                List<Outcome> out = new ArrayList<>(prepared.size());
                List<Change> changes = new ArrayList<>(prepared.size());
                for (Item it : prepared) {
                    if (it.error != null) {
                        out.add(Outcome.failed(it.error));
                        continue;
                    }
                    out.add(evaluate(c, op, it, o, local, trx, changes, unique));
                }
                if (trx != null) {
                    for (Change ch : changes) {
                        trx.overlay.put(ch);
                        trx.changes.add(ch);
                    }
                    trx.touch();
                } else {
                    apply(c.database(), changes, grouped);
                }
                return out;
            }
        } finally {
            if (trx != null) {
                trx.lock().unlock();
            }
        }
    }

    /** Reads one document (leader data, or the transaction's own view). */
    public DocVersionView read(ClusterCollection c, String key, StreamTransaction trx) {
        if (!KeyGenerator.isValidKey(key)) {
            return null;
        }
        Shard s = locate(c, key, trx);
        requireLeader(s);
        if (trx != null) {
            Change ch = trx.overlay.get(s, key);
            if (ch != null) {
                return ch.removal() ? null : new DocVersionView(ch.key(), ch.rev(), ch.json());
            }
        }
        DocVersion v = leaderReplica(s).get(key);
        return v == null ? null : new DocVersionView(v.key(), v.rev(), v.json());
    }

    /** A committed or transaction-local document as seen by a read. */
    public record DocVersionView(String key, long rev, byte[] json) {}

    /** Commits a stream transaction's changes: one WAL transaction per DB-server. */
    void commitTransaction(StreamTransaction trx) {
        Set<Shard> shards = new LinkedHashSet<>();
        for (Change ch : trx.changes) {
            shards.add(ch.shard());
        }
        try (ShardLocks locks = ShardLocks.lock(shards)) {
            for (Shard s : shards) {
                requireLeader(s);
            }
            apply(trx.database(), trx.changes, true);
        }
    }

    /** Applies decided changes to leaders, then in-sync followers. Caller holds shard locks. */
    void apply(Database db, List<Change> changes, boolean grouped) {
        if (changes.isEmpty()) {
            return;
        }
        Map<DbServer, List<DbServer.Write>> leaders = new LinkedHashMap<>();
        Map<DbServer, List<DbServer.Write>> followers = new LinkedHashMap<>();
        for (Change ch : changes) {
            Shard s = ch.shard();
            DbServer leader = cluster.dbServer(s.leader());
            leaders.computeIfAbsent(leader, k -> new ArrayList<>())
                    .add(new DbServer.Write(leader.replica(s), ch.key(), ch.rev(), ch.json()));
            for (String f : s.followersInSync()) {
                DbServer follower = cluster.dbServer(f);
                ShardReplica r = follower.replica(s);
                if (r != null && follower.running()) {
                    followers
                            .computeIfAbsent(follower, k -> new ArrayList<>())
                            .add(new DbServer.Write(r, ch.key(), ch.rev(), ch.json()));
                }
            }
        }
        leaders.forEach((server, writes) -> server.commit(db, writes, grouped));
        followers.forEach((server, writes) -> server.commit(db, writes, grouped));
    }

    // ------------------------------------------------------------------ preparation

    private Item prepare(
            ClusterCollection c,
            Op op,
            int index,
            JsonNode item,
            String pathKey,
            WriteOptions o,
            StreamTransaction trx) {
        try {
            if (op == Op.INSERT) {
                return prepareInsert(c, index, item, o);
            }
            String key = pathKey;
            JsonNode body = item;
            if (op == Op.REMOVE) {
                if (key == null) {
                    key = keyOf(c, item);
                }
            } else {
                if (item == null || !item.isObject()) {
                    throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
                }
                if (key == null) {
                    JsonNode k = item.get("_key");
                    if (k == null || !k.isTextual()) {
                        throw new ApiException(ErrorCode.DOCUMENT_HANDLE_BAD);
                    }
                    key = k.asText();
                }
            }
            if (!KeyGenerator.isValidKey(key)) {
                throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
            }
            DocumentJson.Prepared doc =
                    op == Op.REPLACE
                            ? DocumentJson.prepare(c.name(), key, (ObjectNode) body, c.isEdge())
                            : null;
            return new Item(index, key, locate(c, key, trx), body, doc, null);
        } catch (ApiException e) {
            return new Item(index, null, null, item, null, e);
        }
    }

    private Item prepareInsert(ClusterCollection c, int index, JsonNode item, WriteOptions o) {
        if (item == null || !item.isObject()) {
            throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
        }
        JsonNode k = item.get("_key");
        String key;
        if (k != null && !k.isNull()) {
            if (!k.isTextual() || !KeyGenerator.isValidKey(k.asText())) {
                throw new ApiException(ErrorCode.DOCUMENT_KEY_BAD);
            }
            if (!o.isRestore()) {
                if (!c.keys().allowUserKeys()) {
                    throw new ApiException(ErrorCode.DOCUMENT_KEY_UNEXPECTED);
                }
                if (!c.shardsByKey()) {
                    throw new ApiException(ErrorCode.CLUSTER_MUST_NOT_SPECIFY_KEY);
                }
            }
            key = k.asText();
            c.keys().track(key);
        } else {
            key = c.keys().next();
        }
        if (c.isEdge()
                && (!DocumentJson.isValidHandle(item.get("_from"))
                        || !DocumentJson.isValidHandle(item.get("_to")))) {
            throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
        }
        return new Item(
                index,
                key,
                ShardHash.route(c, item, key),
                item,
                DocumentJson.prepare(c.name(), key, (ObjectNode) item, c.isEdge()),
                null);
    }

    private static String keyOf(ClusterCollection c, JsonNode item) {
        String handle;
        if (item != null && item.isTextual()) {
            handle = item.asText();
        } else if (item != null && item.isObject() && item.path("_key").isTextual()) {
            handle = item.get("_key").asText();
        } else {
            throw new ApiException(ErrorCode.DOCUMENT_HANDLE_BAD);
        }
        int slash = handle.indexOf('/');
        if (slash >= 0) {
            if (!handle.substring(0, slash).equals(c.name())) {
                throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
            }
            handle = handle.substring(slash + 1);
        }
        return handle;
    }

    /** The shard holding {@code key}; with custom shard keys the one that has it. */
    Shard locate(ClusterCollection c, String key, StreamTransaction trx) {
        if (c.shardsByKey() || c.shards().size() == 1) {
            return ShardHash.route(c, null, key);
        }
        for (Shard s : c.shards()) {
            if (trx != null && trx.overlay.get(s, key) != null) {
                return s;
            }
            DbServer leader = cluster.dbServer(s.leader());
            ShardReplica r = leader.replica(s);
            if (r != null && r.get(key) != null) {
                return s;
            }
        }
        return c.shards().get(0);
    }

    private void requireLeader(Shard s) {
        DbServer leader = cluster.dbServer(s.leader());
        if (leader == null || !leader.running() || leader.replica(s) == null) {
            throw new ApiException(ErrorCode.CLUSTER_BACKEND_UNAVAILABLE);
        }
    }

    private ShardReplica leaderReplica(Shard s) {
        return cluster.dbServer(s.leader()).replica(s);
    }

    // ------------------------------------------------------------------ evaluation

    /** Current state of a document: request overlay, transaction overlay, then leader data. */
    private Change current(Item it, Overlay local, StreamTransaction trx) {
        Change ch = local.get(it.shard, it.key);
        if (ch == null && trx != null) {
            ch = trx.overlay.get(it.shard, it.key);
        }
        if (ch != null) {
            return ch.removal() ? null : ch;
        }
        DocVersion v = leaderReplica(it.shard).get(it.key);
        return v == null ? null : new Change(it.shard, v.key(), v.rev(), v.json());
    }

    private Outcome evaluate(
            ClusterCollection c,
            Op op,
            Item it,
            WriteOptions o,
            Overlay local,
            StreamTransaction trx,
            List<Change> changes,
            UniqueIndexes.Scope unique) {
        Change cur = current(it, local, trx);
        try {
            Change next;
            switch (op) {
                case INSERT -> {
                    if (cur != null) {
                        switch (o.overwriteMode()) {
                            case IGNORE -> {
                                return Outcome.ok(it.key, cur.rev(), 0, cur.json(), null);
                            }
                            case REPLACE -> next = replaced(c, it, (ObjectNode) it.body, cur, o);
                            case UPDATE -> next = updated(c, it, cur, o);
                            default ->
                                    throw new ApiException(
                                            ErrorCode.UNIQUE_CONSTRAINT_VIOLATED,
                                            "unique constraint violated - in index primary of type"
                                                    + " primary over '_key'; conflicting key: "
                                                    + it.key);
                        }
                    } else {
                        // revisions are taken under the shard lock, so later writes of a key
                        // always carry larger revisions; the body was encoded before locking
                        long rev = revisionFor(it.body, o);
                        next = new Change(it.shard, it.key, rev, it.doc.withRevision(rev));
                    }
                }
                case REPLACE -> {
                    checkPreconditions(it, cur, o);
                    if (c.isEdge()
                            && (!DocumentJson.isValidHandle(it.body.get("_from"))
                                    || !DocumentJson.isValidHandle(it.body.get("_to")))) {
                        throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
                    }
                    next = replaced(c, it, (ObjectNode) it.body, cur, o);
                }
                case UPDATE -> {
                    checkPreconditions(it, cur, o);
                    next = updated(c, it, cur, o);
                }
                default -> {
                    checkPreconditions(it, cur, o);
                    next = new Change(it.shard, it.key, cur.rev(), null);
                }
            }
            if (unique != null) {
                unique.admit(next); // secondary unique indexes: 409/1210 like a shard leader
            }
            local.put(next);
            changes.add(next);
            return Outcome.ok(
                    it.key,
                    next.rev(),
                    cur == null ? 0 : cur.rev(),
                    next.json(),
                    cur == null ? null : cur.json());
        } catch (ApiException e) {
            if (e.errorNum() == ErrorCode.CONFLICT.num() && cur != null) {
                return Outcome.conflict(e, it.key, cur.rev());
            }
            return Outcome.failed(e);
        }
    }

    private static void checkPreconditions(Item it, Change cur, WriteOptions o) {
        if (cur == null) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
        }
        String actual = Revisions.encode(cur.rev());
        if (o.ifMatch() != null && !o.ifMatch().equals(actual)) {
            throw new ApiException(ErrorCode.CONFLICT, 412, ErrorCode.CONFLICT.message());
        }
        if (!o.ignoreRevs() && it.body != null && it.body.isObject()) {
            JsonNode rev = it.body.get("_rev");
            if (rev != null && rev.isTextual() && !rev.asText().equals(actual)) {
                throw new ApiException(ErrorCode.CONFLICT);
            }
        }
    }

    private Change replaced(
            ClusterCollection c, Item it, ObjectNode body, Change cur, WriteOptions o) {
        ObjectNode old = c.shardsByKey() ? null : DocumentJson.parse(cur.json());
        checkShardKeys(c, old, body);
        long rev = revisionFor(body, o);
        return new Change(it.shard, it.key, rev, it.doc.withRevision(rev));
    }

    private Change updated(ClusterCollection c, Item it, Change cur, WriteOptions o) {
        ObjectNode old = DocumentJson.parse(cur.json());
        ObjectNode patch = (ObjectNode) it.body;
        ObjectNode merged = DocumentJson.merge(old, patch, o.keepNull(), o.mergeObjects());
        if (c.isEdge()
                && (!DocumentJson.isValidHandle(merged.get("_from"))
                        || !DocumentJson.isValidHandle(merged.get("_to")))) {
            throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
        }
        if (!c.shardsByKey()) {
            checkShardKeys(c, old, merged);
        }
        long rev = revisionFor(patch, o);
        return new Change(
                it.shard,
                it.key,
                rev,
                DocumentJson.build(c.name(), it.key, rev, merged, c.isEdge()));
    }

    private static void checkShardKeys(ClusterCollection c, ObjectNode old, ObjectNode next) {
        if (old == null) {
            return;
        }
        for (String attr : c.shardKeys()) {
            if (attr.equals("_key")) {
                continue;
            }
            JsonNode a = old.get(attr);
            JsonNode b = next.get(attr);
            boolean same = a == null ? b == null || b.isNull() : a.equals(b);
            if (!same) {
                throw new ApiException(ErrorCode.CLUSTER_MUST_NOT_CHANGE_SHARDING_ATTRIBUTES);
            }
        }
    }

    /** {@code isRestore} keeps the given {@code _rev}; everything else gets a fresh one. */
    private long revisionFor(JsonNode body, WriteOptions o) {
        if (o.isRestore() && body != null) {
            JsonNode rev = body.get("_rev");
            if (rev != null && rev.isTextual()) {
                long v = Revisions.decode(rev.asText());
                if (v > 0) {
                    cluster.revisions().witness(v);
                    return v;
                }
            }
        }
        return cluster.revisions().next();
    }

    private static void checkTransaction(StreamTransaction trx, ClusterCollection c) {
        if (!trx.status().equals("running")) {
            throw new ApiException(
                    ErrorCode.TRANSACTION_NOT_FOUND,
                    "transaction '" + trx.id() + "' is not running");
        }
        if (!trx.mayWrite(c.name())) {
            throw new ApiException(
                    ErrorCode.TRANSACTION_UNREGISTERED_COLLECTION,
                    "Collection not declared for write: " + c.name());
        }
    }
}
