package io.dc2dc.emulator;

import java.time.Duration;

/**
 * Fault injection into a running emulator; also reachable over HTTP as {@code POST
 * /_emulator/faults} on every coordinator (see emulator/README.md).
 */
public interface Faults {
    /**
     * Stops a DB-server: its port refuses connections, and the shards it leads fail over to an
     * in-sync follower (new leader) at once.
     */
    void stopDbServer(String id);

    /** Restarts a stopped DB-server; its shards catch up and rejoin as followers. */
    void startDbServer(String id);

    /**
     * Makes {@code toServerId} the leader of a shard (and of the matching shards of collections
     * distributed like it).
     */
    void moveShardLeader(String db, String shard, String toServerId);

    /** Drops all WAL entries of a DB-server up to its current tick, ignoring clients. */
    void purgeWal(String serverId);

    /** Added to every request on every endpoint; zero turns it off. */
    void latency(Duration d);

    /** Fails this share (0..1) of requests on every endpoint; 0 turns it off. */
    void failRequests(double share, FailMode mode);

    /** Fails this share (0..1) of requests on the given kind of endpoint. */
    void failRequests(double share, FailMode mode, FailTarget target);

    /** Removes latency and failures and restarts stopped DB-servers. */
    void reset();
}
