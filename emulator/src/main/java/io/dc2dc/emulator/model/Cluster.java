package io.dc2dc.emulator.model;

import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.storage.DbServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state of the whole emulated cluster, as its agency would hold it: DB-servers, coordinators,
 * databases, the plan version, id and revision generators and the server mode.
 *
 * <p>Structural changes (databases, collections, placement) are serialised by {@link #ddl()};
 * document traffic never takes that lock.
 */
public final class Cluster {
    private final String clusterId = UUID.randomUUID().toString();
    private final String version;
    private final Ids ids = new Ids(2_010_000);
    private final Revisions revisions = new Revisions();
    private final Map<String, DbServer> dbServers = new LinkedHashMap<>();
    private final List<CoordinatorInfo> coordinators = new ArrayList<>();
    private final ConcurrentHashMap<String, Database> databases = new ConcurrentHashMap<>();
    private final AtomicLong planVersion = new AtomicLong(1);
    private final AtomicLong placementOffset = new AtomicLong();
    private final ReentrantLock ddl = new ReentrantLock();
    private volatile boolean readOnly;

    public Cluster(String version) {
        this.version = version;
    }

    public String clusterId() {
        return clusterId;
    }

    public String version() {
        return version;
    }

    public Ids ids() {
        return ids;
    }

    public Revisions revisions() {
        return revisions;
    }

    public ReentrantLock ddl() {
        return ddl;
    }

    public void addDbServer(DbServer s) {
        dbServers.put(s.id(), s);
    }

    public void addCoordinator(CoordinatorInfo c) {
        coordinators.add(c);
    }

    public List<DbServer> dbServers() {
        return List.copyOf(dbServers.values());
    }

    public DbServer dbServer(String id) {
        return dbServers.get(id);
    }

    /** The DB-server with this id, or 404-ish error naming it. */
    public DbServer requireDbServer(String id) {
        DbServer s = id == null ? null : dbServers.get(id);
        if (s == null) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "unknown DB-Server '" + id + "'");
        }
        return s;
    }

    public List<CoordinatorInfo> coordinators() {
        return List.copyOf(coordinators);
    }

    public Database database(String name) {
        return databases.get(name);
    }

    public Database requireDatabase(String name) {
        Database db = databases.get(name);
        if (db == null) {
            throw new ApiException(ErrorCode.DATABASE_NOT_FOUND);
        }
        return db;
    }

    public void addDatabase(Database db) {
        databases.put(db.name(), db);
    }

    public void removeDatabase(Database db) {
        databases.remove(db.name(), db);
    }

    /** Database names, {@code _system} first then alphabetical. */
    public List<Database> databases() {
        List<Database> list = new ArrayList<>(databases.values());
        list.sort(
                Comparator.comparing((Database d) -> !d.isSystem()).thenComparing(Database::name));
        return list;
    }

    public long planVersion() {
        return planVersion.get();
    }

    public void bumpPlanVersion() {
        planVersion.incrementAndGet();
    }

    public boolean readOnly() {
        return readOnly;
    }

    public void readOnly(boolean r) {
        readOnly = r;
    }

    /**
     * Chooses {@code replicationFactor} running DB-servers for a new shard, leader first, spreading
     * leaders round-robin like arangod's default distribution.
     */
    public List<String> placeShard(int replicationFactor) {
        List<DbServer> up = new ArrayList<>();
        for (DbServer s : dbServers.values()) {
            if (s.running()) {
                up.add(s);
            }
        }
        if (replicationFactor > up.size()) {
            throw new ApiException(ErrorCode.CLUSTER_INSUFFICIENT_DBSERVERS);
        }
        int start = (int) (placementOffset.getAndIncrement() % up.size());
        List<String> out = new ArrayList<>(replicationFactor);
        for (int i = 0; i < replicationFactor; i++) {
            out.add(up.get((start + i) % up.size()).id());
        }
        return out;
    }

    public int runningDbServers() {
        int n = 0;
        for (DbServer s : dbServers.values()) {
            if (s.running()) {
                n++;
            }
        }
        return n;
    }
}
