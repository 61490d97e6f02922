package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Names;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.ShardReplica;
import io.dc2dc.emulator.wal.Markers;
import java.util.List;

/**
 * Creates and drops databases: a new database gets arangod's system collections (placed like {@code
 * _graphs}) and a 1100 marker on every DB-server; a drop logs 1101 everywhere.
 */
public final class DatabaseService {
    /** System collections of every database (3.12), {@code _graphs} first as prototype. */
    static final List<String> SYSTEM_COLLECTIONS =
            List.of(
                    "_graphs",
                    "_analyzers",
                    "_aqlfunctions",
                    "_apps",
                    "_appbundles",
                    "_frontend",
                    "_jobs",
                    "_queues");

    /** Additional system collections of {@code _system}. */
    static final List<String> SYSTEM_DB_COLLECTIONS =
            List.of("_users", "_statistics", "_statistics15", "_statisticsRaw");

    private final Cluster cluster;
    private final CollectionService collections;

    public DatabaseService(Cluster cluster, CollectionService collections) {
        this.cluster = cluster;
        this.collections = collections;
    }

    /** Creates {@code _system} at start-up. */
    public Database createSystem() {
        return create("_system", Json.object());
    }

    /** Creates a database with {@code options} ({@code sharding}, {@code replicationFactor}, …). */
    public Database create(String name, ObjectNode options) {
        if (!Names.validDatabase(name)) {
            throw new ApiException(ErrorCode.DATABASE_NAME_INVALID);
        }
        cluster.ddl().lock();
        try {
            if (cluster.database(name) != null) {
                throw new ApiException(
                        ErrorCode.DUPLICATE_NAME, "duplicate database name '" + name + "'");
            }
            String sharding = options.path("sharding").asText("");
            if (!sharding.isEmpty() && !sharding.equals("flexible") && !sharding.equals("single")) {
                throw ApiException.badParameter("invalid value for sharding");
            }
            JsonNode rfNode = options.get("replicationFactor");
            int rf = rfNode != null && rfNode.canConvertToInt() ? rfNode.asInt() : 1;
            int wc =
                    options.path("writeConcern")
                            .asInt(options.path("minReplicationFactor").asInt(1));
            Database db = new Database(name, cluster.ids().next(), sharding, rf, wc);
            byte[] data =
                    ("{\"database\":\""
                                    + db.id()
                                    + "\",\"id\":\""
                                    + db.id()
                                    + "\",\"name\":"
                                    + Json.string(Json.NODES.textNode(name))
                                    + "}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (DbServer s : cluster.dbServers()) {
                s.logDatabase(Markers.CREATE_DATABASE, db, data);
            }
            cluster.addDatabase(db);
            for (String sys : SYSTEM_COLLECTIONS) {
                createSystemCollection(db, sys);
            }
            if (db.isSystem()) {
                for (String sys : SYSTEM_DB_COLLECTIONS) {
                    createSystemCollection(db, sys);
                }
            }
            cluster.bumpPlanVersion();
            return db;
        } finally {
            cluster.ddl().unlock();
        }
    }

    private void createSystemCollection(Database db, String name) {
        ObjectNode body = Json.object();
        body.put("name", name);
        body.put("isSystem", true);
        if (!name.equals("_graphs")) {
            body.put("distributeShardsLike", "_graphs");
        }
        collections.create(db, body, false);
    }

    /** Drops a database (not {@code _system}) and all its shards. */
    public void drop(String name) {
        if (name.equals("_system")) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        cluster.ddl().lock();
        try {
            Database db = cluster.database(name);
            if (db == null) {
                throw new ApiException(ErrorCode.DATABASE_NOT_FOUND);
            }
            db.markDropped();
            cluster.removeDatabase(db);
            for (ClusterCollection c : db.collections()) {
                c.markDropped();
                try (ShardLocks l = ShardLocks.lock(c.shards())) {
                    for (var shard : c.shards()) {
                        for (DbServer s : cluster.dbServers()) {
                            ShardReplica r = s.replica(shard);
                            if (r != null) {
                                s.forgetReplica(r);
                            }
                        }
                    }
                }
            }
            for (DbServer s : cluster.dbServers()) {
                s.logDatabase(Markers.DROP_DATABASE, db, null);
            }
            cluster.bumpPlanVersion();
        } finally {
            cluster.ddl().unlock();
        }
    }
}
