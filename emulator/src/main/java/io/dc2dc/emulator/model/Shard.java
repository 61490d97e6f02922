package io.dc2dc.emulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One shard of a cluster collection: its name ({@code s<id>}), the servers it is planned on (leader
 * first) and the servers currently in sync (leader first).
 *
 * <p>The {@link #lock() lock} orders every change of the shard's data and placement: a write holds
 * it while it applies to the leader and then to each in-sync follower, so followers see the writes
 * of one shard in the leader's order. Locks of several shards are always taken in ascending shard
 * id order (see {@code ShardLocks}).
 */
public final class Shard {
    private final long id;
    private final String name;
    private final ClusterCollection collection;
    private final int index;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile List<String> plan;
    private volatile List<String> inSync;

    public Shard(long id, ClusterCollection collection, int index, List<String> servers) {
        this.id = id;
        this.name = "s" + id;
        this.collection = collection;
        this.index = index;
        this.plan = List.copyOf(servers);
        this.inSync = List.copyOf(servers);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ClusterCollection collection() {
        return collection;
    }

    /** Position of this shard in its collection (0-based), used by distributeShardsLike. */
    public int index() {
        return index;
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** Planned servers, leader first. */
    public List<String> plan() {
        return plan;
    }

    /** Servers holding an up-to-date copy, leader first (arangod's "Current"). */
    public List<String> inSync() {
        return inSync;
    }

    public String leader() {
        return plan.get(0);
    }

    /** In-sync followers (without the leader). */
    public List<String> followersInSync() {
        List<String> out = new ArrayList<>(inSync);
        out.remove(leader());
        return out;
    }

    /** The globally unique id of this shard on a DB-server: {@code c<planId>/<shard>}. */
    public String cuid() {
        // Unconfirmed for real servers (arangodb-api.md §4): the guid of a shard's local
        // collection on a DB-server is assumed to be "c<planId>/<shardName>".
        return "c" + collection.planId() + "/" + name;
    }

    /** Changes placement; callers hold {@link #lock()}. */
    public void place(List<String> newPlan, List<String> newInSync) {
        this.plan = List.copyOf(newPlan);
        this.inSync = List.copyOf(newInSync);
    }
}
