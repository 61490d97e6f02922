package io.dc2dc.job.e2e;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.TailRequest;
import io.dc2dc.arango.http.TailResult;
import io.dc2dc.arango.wire.MarkerTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the document writes a cluster received since a baseline, from its DB-servers' WALs (as
 * {@code testing.DestinationWrites} does for an in-process emulator): every insert, replace and
 * removal is one marker on the shard's leader and one on each follower, so the count is divided by
 * the replication factor.
 */
final class WalWrites {

    private final ClusterSpec cluster;
    private final List<String> servers;
    private final Map<String, Long> baseline = new HashMap<>();

    private WalWrites(ClusterSpec cluster, List<String> servers) {
        this.cluster = cluster;
        this.servers = servers;
        try (ArangoClient c = ArangoClient.connect(cluster)) {
            for (String server : servers) {
                baseline.put(server, c.lastTick(server));
            }
        }
    }

    /** Remembers the current WAL tick of every DB-server. */
    static WalWrites since(ClusterSpec cluster, List<String> servers) {
        return new WalWrites(cluster, servers);
    }

    /**
     * Document writes since the baseline in {@code database}, for collections with {@code
     * replicationFactor} (other databases are left out: the job's own heartbeat marker lives in
     * {@code _system}).
     */
    long count(String database, int replicationFactor) {
        long markers = 0;
        try (ArangoClient c = ArangoClient.connect(cluster)) {
            for (String server : servers) {
                long from = baseline.get(server);
                long[] n = {0};
                while (true) {
                    TailResult r =
                            c.tail(
                                    server,
                                    TailRequest.global(from, 0, 1 << 20, 4243),
                                    m -> {
                                        if ((MarkerTypes.isUpsert(m.type())
                                                        || m.type() == MarkerTypes.REMOVE)
                                                && database.equals(m.db())) {
                                            n[0]++;
                                        }
                                    });
                    if (r.lastIncluded() == 0 || !r.checkMore()) {
                        break;
                    }
                    from = r.lastIncluded();
                }
                markers += n[0];
            }
        }
        return markers / replicationFactor;
    }
}
