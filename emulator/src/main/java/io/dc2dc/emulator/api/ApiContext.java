package io.dc2dc.emulator.api;

import io.dc2dc.emulator.auth.Authenticator;
import io.dc2dc.emulator.auth.UserStore;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Principal;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.service.CollectionService;
import io.dc2dc.emulator.service.DatabaseService;
import io.dc2dc.emulator.service.DocumentService;
import io.dc2dc.emulator.service.Placement;
import io.dc2dc.emulator.service.StreamTransactions;
import io.dc2dc.emulator.service.meta.MetaServices;

/**
 * Everything the API handlers share: the cluster model, the services acting on it, users and
 * authentication, and permission checks. Built once per emulator; thread-safe.
 */
public final class ApiContext {
    private final Cluster cluster;
    private final CollectionService collections;
    private final DatabaseService databases;
    private final DocumentService documents;
    private final StreamTransactions transactions;
    private final Placement placement;
    private final UserStore users;
    private final Authenticator authenticator;
    private final FaultControl faults;
    private final MetaServices meta;

    public ApiContext(Cluster cluster, byte[] jwtSecret, Placement placement, FaultControl faults) {
        this.cluster = cluster;
        this.collections = new CollectionService(cluster);
        this.databases = new DatabaseService(cluster, collections);
        this.documents = new DocumentService(cluster);
        this.transactions = new StreamTransactions(cluster, documents);
        this.placement = placement;
        this.users = new UserStore(cluster, documents);
        this.authenticator = new Authenticator(jwtSecret, users);
        this.faults = faults;
        this.meta = new MetaServices(cluster, collections, documents);
    }

    public Cluster cluster() {
        return cluster;
    }

    public CollectionService collections() {
        return collections;
    }

    public DatabaseService databases() {
        return databases;
    }

    public DocumentService documents() {
        return documents;
    }

    public StreamTransactions transactions() {
        return transactions;
    }

    public Placement placement() {
        return placement;
    }

    public UserStore users() {
        return users;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public FaultControl faults() {
        return faults;
    }

    /** Indexes, views, analyzers, graphs, AQL functions and users. */
    public MetaServices meta() {
        return meta;
    }

    /** The request's database (existence was checked by the dispatcher). */
    public Database db(ApiRequest req) {
        return cluster.requireDatabase(req.database());
    }

    /** A collection of the request's database by name or id, or 404/1203. */
    public ClusterCollection collection(ApiRequest req, String name) {
        ClusterCollection c = db(req).collection(name);
        if (c == null) {
            throw ApiException.dataSourceNotFound(name);
        }
        return c;
    }

    /** Requires admin rights: superuser, or read-write access to {@code _system}. */
    public void requireAdmin(ApiRequest req) {
        Principal p = req.principal();
        if (p.superuser() || "rw".equals(users.access(p.user(), "_system"))) {
            return;
        }
        throw new ApiException(ErrorCode.FORBIDDEN);
    }

    /** Requires read-write access to the request's database. */
    public void requireWrite(ApiRequest req) {
        Principal p = req.principal();
        if (p.superuser() || "rw".equals(users.access(p.user(), req.database()))) {
            return;
        }
        throw new ApiException(ErrorCode.FORBIDDEN);
    }

    /**
     * Requires access to a collection of the request's database: read-write to write, at least
     * read-only to read. The collection's own grant counts, then the database's {@code "*"}
     * collection grant, the global default and the database's access (as arangod resolves it), so a
     * read-only grant on one collection forbids writing it even with read-write access to the
     * database.
     */
    public void requireCollectionAccess(ApiRequest req, String collection, boolean write) {
        Principal p = req.principal();
        if (p.superuser()) {
            return;
        }
        String level;
        try {
            level = meta.users().collectionAccess(p.user(), req.database(), collection);
        } catch (ApiException unknownUser) {
            level = "none";
        }
        if (write ? "rw".equals(level) : !"none".equals(level)) {
            return;
        }
        throw new ApiException(ErrorCode.FORBIDDEN);
    }

    /** "rw", "ro" or "none" for the request's principal on a database. */
    public String access(ApiRequest req, String database) {
        Principal p = req.principal();
        return p.superuser() ? "rw" : users.access(p.user(), database);
    }
}
