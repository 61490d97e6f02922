package io.dc2dc.source.enumerator;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterHealth;
import io.dc2dc.arango.http.CollectionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One look at the source cluster's topology: every shard of every user collection with its current
 * leader, and the sorted list of DB-servers (for assigning shards to readers by their leader). Runs
 * on the enumerator's worker thread; creates what the data needs on the destination through the
 * {@link StructureApplier} before reporting a collection.
 */
final class Discovery {

    /** The result: shards by split id, and the DB-server ids in a stable order. */
    record Result(Map<String, KnownShard> shards, List<String> servers) {}

    private Discovery() {}

    static Result discover(ArangoClient source, StructureApplier applier) {
        Map<String, KnownShard> shards = new LinkedHashMap<>();
        for (String db : source.databases()) {
            for (CollectionInfo c : source.collections(db)) {
                if (c.isSystem()) {
                    continue;
                }
                applier.ensureCollection(db, c);
                for (Map.Entry<String, List<String>> shard : c.shards().entrySet()) {
                    List<String> servers = shard.getValue();
                    if (servers.isEmpty()) {
                        continue; // no leader at the moment; the next discovery will see one
                    }
                    KnownShard k =
                            new KnownShard(
                                    db, c.name(), c.planId(), shard.getKey(), servers.get(0));
                    shards.put(k.splitId(), k);
                }
            }
        }
        ClusterHealth health = source.clusterHealth();
        List<String> servers = new ArrayList<>(new TreeSet<>(health.dbServers().keySet()));
        return new Result(shards, servers);
    }
}
