package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.KeyGenerator;
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

    private final Cluster cluster;
    private final UniqueIndexes uniqueIndexes;
    private final ItemPreparer preparer;
    private final ItemEvaluator evaluator;

    public DocumentService(Cluster cluster) {
        this.cluster = cluster;
        this.uniqueIndexes = new UniqueIndexes(cluster);
        this.preparer = new ItemPreparer(this::locate);
        this.evaluator = new ItemEvaluator(cluster);
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
            List<WriteItem> prepared = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                prepared.add(preparer.prepare(c, op, i, items.get(i), pathKey, o, trx));
            }
            Set<Shard> shards = new LinkedHashSet<>();
            for (WriteItem it : prepared) {
                if (it.shard() != null) {
                    shards.add(it.shard());
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
                for (WriteItem it : prepared) {
                    if (it.error() != null) {
                        out.add(Outcome.failed(it.error()));
                        continue;
                    }
                    out.add(evaluator.evaluate(c, op, it, o, local, trx, changes, unique));
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

    /** Items referring to a key route through this to the shard that holds it. */
    interface ShardLocator {
        Shard locate(ClusterCollection c, String key, StreamTransaction trx);
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
