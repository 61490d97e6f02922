package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.service.ShardLocks;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;
import io.dc2dc.emulator.wal.Markers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Secondary indexes of cluster collections: creation (201 new, 200 when an identical index exists,
 * 409/1005 for a name taken by a different index), lookup by id or name, and drop. The definitions
 * live in the collection's Plan entry ({@link ClusterCollection#indexes()}); every DB-server
 * holding a shard logs 2100/2101 for it, as shard leaders and followers do.
 *
 * <p>Changes are serialised by the cluster's DDL lock and also hold the collection's shard locks,
 * so a new unique index is verified against data that cannot change meanwhile. Thread-safe.
 */
public final class IndexService {
    /** An ensured index: its stored definition and whether this call created it. */
    public record Ensured(ObjectNode definition, boolean created) {}

    private final Cluster cluster;
    private final UniqueIndexes unique;

    public IndexService(Cluster cluster, UniqueIndexes unique) {
        this.cluster = cluster;
        this.unique = unique;
    }

    /** {@code POST /_api/index?collection=c}. */
    public Ensured ensure(ClusterCollection c, ObjectNode body) {
        cluster.ddl().lock();
        try (ShardLocks locks = ShardLocks.lock(c.shards())) {
            ObjectNode def =
                    IndexDefinitions.normalize(
                            body, cluster.ids().next(), "idx_" + cluster.revisions().next());
            String name = def.path("name").asText();
            boolean named = body.path("name").isTextual();
            for (ObjectNode existing : c.indexes()) {
                if (IndexDefinitions.sameDefinition(existing, def)
                        && (!named || existing.path("name").asText().equals(name))) {
                    return new Ensured(existing, false);
                }
            }
            for (ObjectNode existing : allNames(c)) {
                if (existing.path("name").asText().equals(name)) {
                    throw new ApiException(409, 1005, "duplicate value for `id` or `name`");
                }
            }
            checkSharding(c, def);
            if (def.path("type").asText().equals("ttl")) {
                for (ObjectNode existing : c.indexes()) {
                    if (existing.path("type").asText().equals("ttl")) {
                        throw new ApiException(
                                ErrorCode.BAD_PARAMETER,
                                "there can only be one ttl index per collection");
                    }
                }
            }
            if (def.path("unique").asBoolean(false)) {
                unique.verifyExisting(c, def);
            }
            List<ObjectNode> next = new ArrayList<>(c.indexes());
            next.add(def);
            c.indexes(next);
            logOnReplicas(c, Markers.CREATE_INDEX, Json.bytes(def));
            cluster.bumpPlanVersion();
            return new Ensured(def, true);
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** The API form of an index by id or name, or 404/1212. */
    public ObjectNode get(ClusterCollection c, String idOrName) {
        for (ObjectNode o : all(c)) {
            String id = o.path("id").asText();
            if (id.equals(c.name() + "/" + idOrName) || o.path("name").asText().equals(idOrName)) {
                return o;
            }
        }
        throw notFound();
    }

    /** All indexes in API form: primary, edge indexes, then the secondary ones. */
    public List<ObjectNode> all(ClusterCollection c) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(IndexDefinitions.primary(c));
        if (c.isEdge()) {
            out.addAll(IndexDefinitions.edge(c));
        }
        for (ObjectNode def : c.indexes()) {
            out.add(IndexDefinitions.forApi(c, def));
        }
        return out;
    }

    /** Drops an index by id or name; the primary and edge indexes cannot be dropped (403/11). */
    public String drop(ClusterCollection c, String idOrName) {
        cluster.ddl().lock();
        try (ShardLocks locks = ShardLocks.lock(c.shards())) {
            if (idOrName.equals("0") || idOrName.equals("primary")) {
                throw new ApiException(ErrorCode.FORBIDDEN, "cannot drop primary index");
            }
            if (c.isEdge()
                    && (idOrName.equals("1") || idOrName.equals("2") || idOrName.equals("edge"))) {
                throw new ApiException(ErrorCode.FORBIDDEN, "cannot drop edge index");
            }
            ObjectNode victim = null;
            for (ObjectNode def : c.indexes()) {
                if (def.path("id").asText().equals(idOrName)
                        || def.path("name").asText().equals(idOrName)) {
                    victim = def;
                }
            }
            if (victim == null) {
                throw notFound();
            }
            List<ObjectNode> next = new ArrayList<>(c.indexes());
            next.remove(victim);
            c.indexes(next);
            String id = victim.path("id").asText();
            ObjectNode data = Json.object().put("id", id);
            logOnReplicas(c, Markers.DROP_INDEX, Json.bytes(data));
            cluster.bumpPlanVersion();
            return id;
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Index definitions for inventories (Plan form, no primary/edge), as fresh copies. */
    public static List<JsonNode> inventory(ClusterCollection c) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode def : c.indexes()) {
            out.add(def.deepCopy());
        }
        return out;
    }

    private static List<ObjectNode> allNames(ClusterCollection c) {
        List<ObjectNode> out = new ArrayList<>(c.indexes());
        out.add(Json.object().put("name", "primary"));
        if (c.isEdge()) {
            out.add(Json.object().put("name", "edge"));
        }
        return out;
    }

    /**
     * A unique index of a collection with several shards must cover the shard keys, or a shard
     * could not check it alone; arangod refuses it as unsupported in a cluster.
     */
    private static void checkSharding(ClusterCollection c, ObjectNode def) {
        if (!def.path("unique").asBoolean(false) || c.shards().size() <= 1) {
            return;
        }
        Set<String> fields = new HashSet<>();
        def.path("fields").forEach(f -> fields.add(f.asText()));
        for (String key : c.shardKeys()) {
            if (!fields.contains(key)) {
                throw new ApiException(
                        ErrorCode.CLUSTER_UNSUPPORTED,
                        "shard key attributes must be covered by a unique index: "
                                + String.join(", ", c.shardKeys()));
            }
        }
    }

    private void logOnReplicas(ClusterCollection c, int type, byte[] data) {
        for (Shard s : c.shards()) {
            for (DbServer server : cluster.dbServers()) {
                ShardReplica r = server.replica(s);
                if (r != null) {
                    server.logIndex(type, c.database(), r, data);
                }
            }
        }
    }

    private static ApiException notFound() {
        return new ApiException(404, 1212, "index not found");
    }
}
