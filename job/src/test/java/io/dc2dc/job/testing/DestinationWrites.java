package io.dc2dc.job.testing;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.TailRequest;
import io.dc2dc.arango.http.TailResult;
import io.dc2dc.arango.wire.MarkerTypes;
import io.dc2dc.emulator.Emulator;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the document writes a cluster received since a baseline, from its DB-servers' WALs: every
 * insert, replace and removal is one marker on the shard's leader and one on each follower, so the
 * count is divided by the replication factor.
 */
public final class DestinationWrites {

    private final Emulator cluster;
    private final Map<String, Long> baseline = new HashMap<>();

    private DestinationWrites(Emulator cluster) {
        this.cluster = cluster;
        try (ArangoClient c = ArangoClient.connect(Replication.spec("destination", cluster))) {
            for (String server : cluster.dbServerIds()) {
                baseline.put(server, c.lastTick(server));
            }
        }
    }

    /** Remembers the current tick of every DB-server. */
    public static DestinationWrites since(Emulator cluster) {
        return new DestinationWrites(cluster);
    }

    /**
     * Document writes since the baseline outside {@code _system}, for collections with {@code
     * replicationFactor}.
     */
    public long count(int replicationFactor) {
        long markers = 0;
        try (ArangoClient c = ArangoClient.connect(Replication.spec("destination", cluster))) {
            for (String server : cluster.dbServerIds()) {
                long from = baseline.get(server);
                long[] n = {0};
                while (true) {
                    TailResult r =
                            c.tail(
                                    server,
                                    TailRequest.global(from, 0, 1 << 20, 4242),
                                    m -> {
                                        // _system holds the job's own heartbeat marker
                                        if ((MarkerTypes.isUpsert(m.type())
                                                        || m.type() == MarkerTypes.REMOVE)
                                                && !"_system".equals(m.db())) {
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
