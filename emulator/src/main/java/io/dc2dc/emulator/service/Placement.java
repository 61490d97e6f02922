package io.dc2dc.emulator.service;

import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arangod's agency supervision does to shard placement: fail over the shards of a stopped
 * DB-server to in-sync followers, resynchronise a restarted server as follower, move a shard leader
 * on request, and grow or shrink a collection's replication factor.
 *
 * <p>Every change holds the DDL lock and the affected shard locks, so no write is half applied to
 * an old and a new leader.
 */
public final class Placement {
    private static final Logger LOG = LoggerFactory.getLogger(Placement.class);

    private final Cluster cluster;

    public Placement(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Marks a server stopped and moves leadership of its shards to in-sync followers. */
    public void serverStopped(DbServer server) {
        cluster.ddl().lock();
        try {
            server.running(false);
            server.forgetSessions();
            for (Shard s : allShards()) {
                if (!s.plan().contains(server.id())) {
                    continue;
                }
                try (ShardLocks l = ShardLocks.lock(List.of(s))) {
                    List<String> inSync = new ArrayList<>(s.inSync());
                    inSync.remove(server.id());
                    List<String> plan = new ArrayList<>(s.plan());
                    if (s.leader().equals(server.id())) {
                        String newLeader = firstRunning(inSync);
                        if (newLeader != null) {
                            plan.remove(newLeader);
                            plan.remove(server.id());
                            plan.add(0, newLeader);
                            plan.add(server.id());
                            inSync.remove(newLeader);
                            inSync.add(0, newLeader);
                            LOG.info(
                                    "shard {} failed over from {} to {}",
                                    s.name(),
                                    server.id(),
                                    newLeader);
                        }
                    }
                    s.place(plan, inSync);
                }
            }
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Restarts a server: its replicas catch up with their leaders and rejoin as in sync. */
    public void serverStarted(DbServer server) {
        cluster.ddl().lock();
        try {
            server.forgetSessions();
            server.running(true);
            for (Shard s : allShards()) {
                if (!s.plan().contains(server.id())) {
                    continue;
                }
                try (ShardLocks l = ShardLocks.lock(List.of(s))) {
                    ShardReplica mine = server.replica(s);
                    List<String> inSync = new ArrayList<>(s.inSync());
                    if (inSync.contains(server.id()) || mine == null) {
                        continue;
                    }
                    if (s.leader().equals(server.id())) {
                        // nobody took over: this server is still the leader, its data rules
                        inSync.add(0, server.id());
                    } else {
                        DbServer leader = cluster.dbServer(s.leader());
                        if (!leader.running()) {
                            continue;
                        }
                        ShardSync.sync(s.collection().database(), leader.replica(s), mine);
                        inSync.add(server.id());
                    }
                    s.place(s.plan(), inSync);
                }
            }
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }

    /**
     * Makes {@code toServer} the leader of a shard (and of the same-index shards of every
     * collection distributed like it). A server that does not hold the shard yet takes the old
     * leader's place; an existing follower swaps roles with the old leader.
     */
    public void moveLeader(Database db, String shardName, String toServer) {
        DbServer to = cluster.requireDbServer(toServer);
        if (!to.running()) {
            throw new ApiException(ErrorCode.CLUSTER_BACKEND_UNAVAILABLE);
        }
        cluster.ddl().lock();
        try {
            Shard shard = findShard(db, shardName);
            ClusterCollection proto = shard.collection();
            if (proto.distributeShardsLike() != null) {
                proto = db.collection(proto.distributeShardsLike());
                shard = proto.shards().get(shard.index());
            }
            List<Shard> group = new ArrayList<>();
            group.add(shard);
            for (ClusterCollection c : db.collections()) {
                if (proto.name().equals(c.distributeShardsLike())) {
                    group.add(c.shards().get(shard.index()));
                }
            }
            try (ShardLocks l = ShardLocks.lock(group)) {
                for (Shard s : group) {
                    moveOne(db, s, to);
                }
            }
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }

    private void moveOne(Database db, Shard s, DbServer to) {
        String oldLeader = s.leader();
        if (oldLeader.equals(to.id())) {
            return;
        }
        DbServer old = cluster.dbServer(oldLeader);
        if (!old.running()) {
            throw new ApiException(ErrorCode.CLUSTER_BACKEND_UNAVAILABLE);
        }
        List<String> plan = new ArrayList<>(s.plan());
        List<String> inSync = new ArrayList<>(s.inSync());
        ShardReplica target = to.replica(s);
        if (target == null) {
            target =
                    to.createReplica(
                            db,
                            s,
                            r ->
                                    io.dc2dc.emulator.http.Json.bytes(
                                            CollectionService.shardDefinition(r)));
        }
        if (!inSync.contains(to.id())) {
            ShardSync.sync(db, old.replica(s), target);
        }
        boolean wasMember = plan.contains(to.id());
        plan.remove(to.id());
        inSync.remove(to.id());
        if (!wasMember) {
            plan.remove(oldLeader);
            inSync.remove(oldLeader);
            old.dropReplica(db, old.replica(s));
        }
        plan.add(0, to.id());
        inSync.add(0, to.id());
        s.place(plan, inSync);
        LOG.info("shard {} leader moved from {} to {}", s.name(), oldLeader, to.id());
    }

    /** Grows or shrinks the replica set of every shard of {@code c}; caller holds locks. */
    void resize(ClusterCollection c, int replicationFactor) {
        Database db = c.database();
        for (Shard s : c.shards()) {
            List<String> plan = new ArrayList<>(s.plan());
            List<String> inSync = new ArrayList<>(s.inSync());
            while (plan.size() > replicationFactor) {
                String victim = plan.remove(plan.size() - 1);
                inSync.remove(victim);
                DbServer server = cluster.dbServer(victim);
                ShardReplica r = server.replica(s);
                if (r != null) {
                    server.dropReplica(db, r);
                }
            }
            DbServer leader = cluster.dbServer(s.leader());
            for (DbServer candidate : cluster.dbServers()) {
                if (plan.size() >= replicationFactor) {
                    break;
                }
                if (plan.contains(candidate.id()) || !candidate.running()) {
                    continue;
                }
                ShardReplica r =
                        candidate.createReplica(
                                db,
                                s,
                                x ->
                                        io.dc2dc.emulator.http.Json.bytes(
                                                CollectionService.shardDefinition(x)));
                ShardSync.sync(db, leader.replica(s), r);
                plan.add(candidate.id());
                inSync.add(candidate.id());
            }
            s.place(plan, inSync);
        }
    }

    /** Finds a shard by name in a database. */
    public static Shard findShard(Database db, String shardName) {
        for (ClusterCollection c : db.collections()) {
            for (Shard s : c.shards()) {
                if (s.name().equals(shardName)) {
                    return s;
                }
            }
        }
        throw new ApiException(ErrorCode.DATA_SOURCE_NOT_FOUND, "shard not found: " + shardName);
    }

    private List<Shard> allShards() {
        List<Shard> out = new ArrayList<>();
        for (Database db : cluster.databases()) {
            for (ClusterCollection c : db.collections()) {
                out.addAll(c.shards());
            }
        }
        return out;
    }

    private String firstRunning(List<String> servers) {
        for (String id : servers) {
            if (cluster.dbServer(id).running()) {
                return id;
            }
        }
        return null;
    }
}
