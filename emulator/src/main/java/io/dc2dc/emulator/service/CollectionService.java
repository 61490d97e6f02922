package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.KeyGenerator;
import io.dc2dc.emulator.model.Names;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.List;

/**
 * Collection DDL on the cluster: create (with placement and {@code distributeShardsLike}), drop,
 * truncate and property changes, each reflected as shard-level markers (2000, 2001, 2004, 2003) in
 * the WAL of every DB-server holding a shard. Serialised by the cluster's DDL lock; data changes
 * additionally hold the affected shard locks.
 */
public final class CollectionService {
    private static final String[] SETTINGS = {
        "waitForSync",
        "cacheEnabled",
        "schema",
        "computedValues",
        "shardingStrategy",
        "isSmart",
        "isDisjoint",
        "smartGraphAttribute",
        "smartJoinAttribute",
        "isSatellite"
    };

    private final Cluster cluster;

    public CollectionService(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Creates a collection from a {@code POST /_api/collection} body. */
    public ClusterCollection create(Database db, ObjectNode body, boolean enforceReplication) {
        JsonNode nameNode = body.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isEmpty()) {
            throw new ApiException(ErrorCode.ILLEGAL_NAME, "illegal name: name must be non-empty");
        }
        String name = nameNode.asText();
        boolean isSystem = body.path("isSystem").asBoolean(false);
        if (!Names.validCollection(name) || (name.startsWith("_") && !isSystem)) {
            throw new ApiException(ErrorCode.ILLEGAL_NAME, "illegal name: " + name);
        }
        int type = parseType(body.get("type"));
        cluster.ddl().lock();
        try {
            if (db.collection(name) != null) {
                throw new ApiException(ErrorCode.DUPLICATE_NAME, "duplicate name: " + name);
            }
            String like = textOrNull(body.get("distributeShardsLike"));
            if (like == null && "single".equals(db.sharding()) && !name.equals("_graphs")) {
                like = "_graphs"; // one-shard databases place everything like _graphs
            }
            ClusterCollection proto = null;
            if (like != null) {
                proto = db.collection(like);
                if (proto == null) {
                    throw new ApiException(ErrorCode.CLUSTER_UNKNOWN_DISTRIBUTESHARDSLIKE);
                }
                if (proto.distributeShardsLike() != null) {
                    throw new ApiException(400, 1484, "chain of distributeShardsLike references");
                }
            }
            int shards =
                    proto != null
                            ? proto.shards().size()
                            : Math.max(1, body.path("numberOfShards").asInt(1));
            if (shards > 1000) {
                throw new ApiException(400, 1450, "too many shards");
            }
            JsonNode rfNode = body.get("replicationFactor");
            boolean satellite = rfNode != null && "satellite".equals(rfNode.asText());
            int rf;
            if (proto != null) {
                rf = proto.shards().get(0).plan().size();
            } else if (satellite) {
                rf = cluster.dbServers().size();
            } else if (rfNode != null && rfNode.canConvertToInt()) {
                rf = rfNode.asInt();
            } else {
                // System collections of _system get the system replication factor (2 by
                // default); those of other databases follow the database, like its other
                // collections (arangod's createSystemCollectionProperties).
                rf =
                        name.startsWith("_") && "_system".equals(db.name())
                                ? Math.min(2, cluster.dbServers().size())
                                : db.replicationFactor();
            }
            if (rf < 1 || rf > 10) {
                throw ApiException.badParameter("invalid replicationFactor");
            }
            if (!enforceReplication) {
                rf = Math.min(rf, Math.max(1, cluster.runningDbServers()));
            }
            int writeConcern =
                    body.has("writeConcern")
                            ? body.get("writeConcern").asInt(1)
                            : body.path("minReplicationFactor").asInt(db.writeConcern());
            if (writeConcern > rf && !satellite) {
                throw ApiException.badParameter(
                        "writeConcern must not be higher than replicationFactor");
            }
            List<String> shardKeys = new ArrayList<>();
            JsonNode sk = body.get("shardKeys");
            if (sk != null && sk.isArray() && !sk.isEmpty()) {
                sk.forEach(k -> shardKeys.add(k.asText()));
            } else if (proto != null) {
                shardKeys.addAll(proto.shardKeys());
            } else {
                shardKeys.add("_key");
            }
            KeyGenerator keys = KeyGenerator.from(body.get("keyOptions"), cluster.ids());
            ObjectNode settings = Json.object();
            for (String s : SETTINGS) {
                if (body.has(s)) {
                    settings.set(s, body.get(s));
                }
            }
            if (satellite) {
                settings.put("replicationFactor", "satellite");
            } else {
                settings.put("replicationFactor", rf);
            }
            settings.put("writeConcern", writeConcern);
            ClusterCollection c =
                    new ClusterCollection(
                            db, cluster.ids().next(), name, type, shardKeys, like, keys, settings);
            for (int i = 0; i < shards; i++) {
                List<String> servers =
                        proto != null ? proto.shards().get(i).plan() : cluster.placeShard(rf);
                c.addShard(new Shard(cluster.ids().next(), c, i, servers));
            }
            for (Shard s : c.shards()) {
                for (String serverId : s.plan()) {
                    DbServer server = cluster.dbServer(serverId);
                    server.createReplica(db, s, r -> Json.bytes(shardDefinition(r)));
                }
            }
            db.add(c);
            cluster.bumpPlanVersion();
            return c;
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Drops a collection and all its shards. */
    public void drop(ClusterCollection c) {
        cluster.ddl().lock();
        try {
            Database db = c.database();
            for (ClusterCollection other : db.collections()) {
                if (other != c && c.name().equals(other.distributeShardsLike())) {
                    throw new ApiException(
                            ErrorCode.CLUSTER_MUST_NOT_DROP_COLL_OTHER_DISTRIBUTESHARDSLIKE);
                }
            }
            try (ShardLocks locks = ShardLocks.lock(c.shards())) {
                for (Shard s : c.shards()) {
                    for (DbServer server : cluster.dbServers()) {
                        ShardReplica r = server.replica(s);
                        if (r != null) {
                            server.dropReplica(db, r);
                        }
                    }
                }
                c.markDropped();
                db.remove(c);
            }
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }

    /** Removes all documents; every replica logs a truncate marker (2004). */
    public void truncate(ClusterCollection c) {
        try (ShardLocks locks = ShardLocks.lock(c.shards())) {
            for (Shard s : c.shards()) {
                for (DbServer server : cluster.dbServers()) {
                    ShardReplica r = server.replica(s);
                    if (r != null) {
                        server.truncate(c.database(), r);
                    }
                }
            }
        }
    }

    /** Applies {@code PUT /_api/collection/{c}/properties}; logs 2003 on every replica. */
    public void updateProperties(ClusterCollection c, ObjectNode body) {
        cluster.ddl().lock();
        try (ShardLocks locks = ShardLocks.lock(c.shards())) {
            ObjectNode next = c.settings().deepCopy();
            for (String key :
                    new String[] {"waitForSync", "cacheEnabled", "schema", "computedValues"}) {
                if (body.has(key)) {
                    next.set(key, body.get(key));
                }
            }
            JsonNode wc =
                    body.has("writeConcern")
                            ? body.get("writeConcern")
                            : body.get("minReplicationFactor");
            if (wc != null && wc.canConvertToInt()) {
                next.put("writeConcern", wc.asInt());
            }
            JsonNode rf = body.get("replicationFactor");
            if (rf != null && rf.canConvertToInt() && c.distributeShardsLike() == null) {
                int want = rf.asInt();
                if (want < 1 || want > cluster.runningDbServers()) {
                    throw new ApiException(ErrorCode.CLUSTER_INSUFFICIENT_DBSERVERS);
                }
                next.put("replicationFactor", want);
                new Placement(cluster).resize(c, want);
            }
            c.settings(next);
            for (Shard s : c.shards()) {
                for (DbServer server : cluster.dbServers()) {
                    ShardReplica r = server.replica(s);
                    if (r != null) {
                        server.changeReplica(c.database(), r, Json.bytes(shardDefinition(r)));
                    }
                }
            }
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }

    /**
     * The definition of a shard's local collection on a DB-server, as DB-server inventories and
     * 2000/2003 markers show it (objectIds stripped).
     */
    public static ObjectNode shardDefinition(ShardReplica r) {
        Shard s = r.shard();
        ClusterCollection c = s.collection();
        ObjectNode d = c.describe();
        ObjectNode o = Json.object();
        o.put("id", Long.toString(r.localId()));
        o.put("cid", Long.toString(r.localId()));
        o.put("name", s.name());
        o.put("planId", Long.toString(c.planId()));
        o.put("globallyUniqueId", s.cuid());
        o.put("deleted", false);
        d.remove(List.of("id", "name", "globallyUniqueId"));
        o.setAll(d);
        o.put("isSmartChild", false);
        o.put("version", 7);
        return o;
    }

    private static int parseType(JsonNode t) {
        if (t == null || t.isNull()) {
            return ClusterCollection.TYPE_DOCUMENT;
        }
        if (t.isTextual()) {
            return t.asText().equals("edge")
                    ? ClusterCollection.TYPE_EDGE
                    : ClusterCollection.TYPE_DOCUMENT;
        }
        int v = t.asInt(2);
        if (v != 2 && v != 3) {
            throw new ApiException(400, 1218, "collection type invalid");
        }
        return v;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || !n.isTextual() || n.asText().isEmpty() ? null : n.asText();
    }
}
