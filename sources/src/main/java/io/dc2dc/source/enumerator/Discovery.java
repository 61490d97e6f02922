package io.dc2dc.source.enumerator;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterHealth;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.source.CollectionFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at the source cluster's topology: every shard of every replicated collection with its
 * current leader, the replicated databases and collections with their identities, and the sorted
 * list of DB-servers (for assigning shards to readers by their leader). Runs on the enumerator's
 * worker thread; creates what the data needs on the destination through the {@link
 * StructureApplier} before reporting a collection, and brings the other metadata over at the end.
 *
 * <p>A name whose destination drop is pending, or that now belongs to another incarnation than the
 * one being replicated, is reported (so the enumerator sees the change) but neither created on the
 * destination nor read: the old incarnation's drop must happen first.
 */
final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    /**
     * What the enumerator knows when a discovery starts.
     *
     * @param blocked names ({@code database} or {@code database/collection}) with a pending drop
     * @param collections the replicated incarnations: {@code database/collection} → plan id
     * @param databases the replicated databases: name → id
     */
    record Known(
            Set<String> blocked, Map<String, String> collections, Map<String, String> databases) {
        static final Known NONE = new Known(Set.of(), Map.of(), Map.of());
    }

    /**
     * The result.
     *
     * @param shards readable shards by split id
     * @param servers the DB-server ids in a stable order
     * @param databases every replicated source database: name → id
     * @param collections every replicated source collection: {@code database/collection} → plan id
     */
    record Result(
            Map<String, KnownShard> shards,
            List<String> servers,
            Map<String, String> databases,
            Map<String, String> collections) {}

    private Discovery() {}

    /**
     * Collections that others follow ({@code distributeShardsLike}) come first, so that they exist
     * on the destination before their followers are created there (chains are not allowed).
     */
    static List<CollectionInfo> prototypesFirst(List<CollectionInfo> collections) {
        List<CollectionInfo> ordered = new ArrayList<>(collections);
        ordered.sort(
                java.util.Comparator.comparing(
                        c ->
                                c.parameters().path("distributeShardsLike").asText("").isEmpty()
                                        ? 0
                                        : 1));
        return ordered;
    }

    static Result discover(
            ArangoClient source, StructureApplier applier, CollectionFilter filter, Known known) {
        Map<String, KnownShard> shards = new LinkedHashMap<>();
        Map<String, String> databases = new LinkedHashMap<>();
        Map<String, String> collections = new LinkedHashMap<>();
        List<String> ready = new ArrayList<>();
        for (String db : source.databases()) {
            if (!filter.includesDatabase(db)) {
                continue;
            }
            var current = source.get(db, "/_api/database/current").path("result");
            String dbId = current.path("id").asText();
            databases.put(db, dbId);
            String knownId = known.databases().get(db);
            if (known.blocked().contains(db) || (knownId != null && !knownId.equals(dbId))) {
                continue;
            }
            applier.ensureDatabase(db, current);
            for (CollectionInfo c : prototypesFirst(source.collections(db))) {
                if ((c.isSystem() && !SystemCollections.replicated(c.name()))
                        || !filter.includesCollection(db, c.name())) {
                    continue;
                }
                String name = db + "/" + c.name();
                collections.put(name, c.planId());
                String knownPlan = known.collections().get(name);
                if (known.blocked().contains(name)
                        || (knownPlan != null && !knownPlan.equals(c.planId()))) {
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
            ready.add(db);
        }
        try {
            applier.syncMetadata(ready);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Replicating metadata failed; retrying at the next discovery: {}",
                    e.toString());
        }
        ClusterHealth health = source.clusterHealth();
        List<String> servers = new ArrayList<>(new TreeSet<>(health.dbServers().keySet()));
        return new Result(shards, servers, databases, collections);
    }
}
