package io.dc2dc.arango.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.arango.wire.MarkerConsumer;
import io.dc2dc.arango.wire.ParseStats;
import io.dc2dc.arango.wire.RawDocumentConsumer;
import java.time.Duration;
import java.util.List;

/**
 * The client of one ArangoDB cluster: topology and inventory from coordinators, snapshots (batch +
 * dump), WAL tailing and the keys API straight from DB-servers (with a superuser JWT, since
 * coordinators cannot tail), and idempotent writes through coordinators.
 *
 * <p>Thread-safe; create one per cluster and share it. Calls block the calling thread (never call
 * from a Flink mailbox thread). Every failure is an {@link io.dc2dc.arango.error.ArangoException}
 * that says whether it is transient; the client never retries by itself — wrap calls in an {@link
 * io.dc2dc.arango.error.RetryPolicy} where retrying is safe. Dump and tail bodies are streamed to
 * the consumer one record at a time, on the calling thread; a consumer that throws aborts the call
 * and its connection.
 */
public final class ArangoClient implements AutoCloseable {

    private final ClusterSpec spec;
    private final HttpTransport transport;
    private final TopologyCalls topology;
    private final ReplicationCalls replication;
    private final KeysCalls keys;
    private final WriteCalls writes;
    private final SchemaCalls schema;

    private ArangoClient(ClusterSpec spec) {
        this.spec = spec;
        // DB-server URLs come from the cluster health, itself a call through this transport
        this.transport = new HttpTransport(spec, this::clusterHealth);
        this.topology = new TopologyCalls(transport);
        this.replication = new ReplicationCalls(transport);
        this.keys = new KeysCalls(transport);
        this.writes = new WriteCalls(transport);
        this.schema = new SchemaCalls(transport);
    }

    /** A client for {@code spec}. Does no I/O; secrets are read at the first request. */
    public static ArangoClient connect(ClusterSpec spec) {
        return new ArangoClient(spec);
    }

    /** The settings this client was made from. */
    public ClusterSpec spec() {
        return spec;
    }

    // ---- topology and inventory (coordinator) ----

    /** {@code GET /_api/version?details=true}. */
    public VersionInfo version() {
        return topology.version();
    }

    /** {@code GET /_admin/server/role}: {@code COORDINATOR}, {@code SINGLE}, ... */
    public String serverRole() {
        return topology.serverRole();
    }

    /** {@code GET /_admin/cluster/health}: every server with role, endpoint URL and status. */
    public ClusterHealth clusterHealth() {
        return topology.clusterHealth();
    }

    /** {@code GET /_api/database}: all database names. */
    public List<String> databases() {
        return topology.databases();
    }

    /** {@code GET /_db/{db}/_api/replication/clusterInventory}, as sent. */
    public JsonNode clusterInventory(String db, boolean includeSystem) {
        return topology.clusterInventory(db, includeSystem);
    }

    /** Every collection of {@code db} (system ones included) with its shards and leaders. */
    public List<CollectionInfo> collections(String db) {
        return topology.collections(db);
    }

    // ---- snapshots and tailing (DB-server) ----

    /** Creates a batch (snapshot) on a DB-server; registers {@code syncerId} if positive. */
    public Batch createBatch(String serverId, String db, Duration ttl, long syncerId) {
        return replication.createBatch(serverId, db, ttl, syncerId);
    }

    /** Extends a batch's time to live. */
    public void extendBatch(String serverId, String db, String batchId, Duration ttl) {
        replication.extendBatch(serverId, db, batchId, ttl);
    }

    /** Deletes a batch; an unknown or expired batch is ignored. */
    public void deleteBatch(String serverId, String db, String batchId) {
        replication.deleteBatch(serverId, db, batchId);
    }

    /** The DB-server's local inventory of {@code db} under a batch (its shards as collections). */
    public JsonNode inventory(String serverId, String db, String batchId) {
        return replication.inventory(serverId, db, batchId);
    }

    /** The shard's {@code globallyUniqueId} on its DB-server, i.e. the cuid of its markers. */
    public String shardGuid(String serverId, String db, String batchId, String shard) {
        return replication.shardGuid(serverId, db, batchId, shard);
    }

    /**
     * Reads the next chunk of a shard under a batch. Calls for one (batch, shard) must be
     * sequential: the server keeps one iterator per pair.
     */
    public DumpResult dump(
            String serverId,
            String db,
            String shard,
            String batchId,
            int chunkSizeBytes,
            RawDocumentConsumer consumer) {
        return replication.dump(serverId, db, shard, batchId, chunkSizeBytes, consumer);
    }

    /** Reads WAL markers of a DB-server after {@code req.from()}. */
    public TailResult tail(String serverId, TailRequest req, MarkerConsumer consumer) {
        return replication.tail(serverId, req, consumer);
    }

    /** The DB-server's latest WAL tick. */
    public long lastTick(String serverId) {
        return replication.lastTick(serverId);
    }

    // ---- keys API (DB-server, arangodb-api.md §3.4) ----

    /** Lists the keys of {@code shard} under a batch. */
    public KeysHandle createKeys(String serverId, String db, String shard, String batchId) {
        return keys.createKeys(serverId, db, shard, batchId);
    }

    /** The chunks (key range + hash) of a key listing; server caps chunkSize to 100..20000. */
    public List<KeyChunk> keyChunks(String serverId, String db, String keysId, int chunkSize) {
        return keys.keyChunks(serverId, db, keysId, chunkSize);
    }

    /** Keys and revisions of chunk {@code chunk} (starting at key {@code low}). */
    public List<KeyEntry> chunkKeys(
            String serverId, String db, String keysId, int chunk, int chunkSize, String low) {
        return keys.chunkKeys(serverId, db, keysId, chunk, chunkSize, low);
    }

    /**
     * Documents of chunk {@code chunk} at the given positions in the chunk's key list, starting
     * with the {@code offset}-th of them. The answer may be cut at about 8 MiB: the returned record
     * count tells where to continue.
     */
    public ParseStats chunkDocs(
            String serverId,
            String db,
            String keysId,
            int chunk,
            int chunkSize,
            String low,
            int offset,
            List<Integer> indexes,
            RawDocumentConsumer consumer) {
        return keys.chunkDocs(
                serverId, db, keysId, chunk, chunkSize, low, offset, indexes, consumer);
    }

    /** Releases a key listing. */
    public void deleteKeys(String serverId, String db, String keysId) {
        keys.deleteKeys(serverId, db, keysId);
    }

    // ---- writes (coordinator) ----

    /**
     * Upserts documents exactly as given, keeping their {@code _rev} ({@code isRestore=true,
     * overwriteMode=replace}); per-item failures are in the result, not thrown.
     */
    public BulkResult insertRestore(String db, String collection, List<byte[]> documents) {
        return writes.insertRestore(db, collection, documents);
    }

    /** Removes documents by key; a key that is already gone (1202) counts as removed. */
    public BulkResult removeKeys(String db, String collection, List<String> keys) {
        return writes.removeKeys(db, collection, keys);
    }

    // ---- structure and verification (coordinator) ----

    /** Creates a database; {@code options} as in {@code POST /_api/database} (may be null). */
    public void createDatabase(String name, JsonNode options) {
        schema.createDatabase(name, options);
    }

    /** Drops a database. */
    public void dropDatabase(String name) {
        schema.dropDatabase(name);
    }

    /** Creates a collection with the given properties ({@code name} required). */
    public void createCollection(String db, ObjectNode properties) {
        schema.createCollection(db, properties);
    }

    /** Drops a collection; system collections need {@code isSystem=true}. */
    public void dropCollection(String db, String name, boolean isSystem) {
        schema.dropCollection(db, name, isSystem);
    }

    /** Removes all documents of a collection. */
    public void truncate(String db, String collection) {
        schema.truncate(db, collection);
    }

    /** Number of documents (sum over shards). */
    /** The documents of one shard on a DB-server (its own replica), now. */
    public long shardCount(String serverId, String db, String shard) {
        return schema.shardCount(serverId, db, shard);
    }

    public long count(String db, String collection) {
        return schema.count(db, collection);
    }

    /** The collection checksum (decimal uint64 string; XOR over shards). */
    public String checksum(String db, String collection, boolean withRevisions, boolean withData) {
        return schema.checksum(db, collection, withRevisions, withData);
    }

    /**
     * {@code GET /_db/{db}{path}} on a coordinator; {@code path} starts with {@code /} and is
     * already encoded (see {@link ApiPath#encode}); {@code db} null = no database prefix.
     */
    public JsonNode get(String db, String path) {
        return schema.send("GET", db, path, null);
    }

    /** Any coordinator request with an optional JSON body; see {@link #get}. */
    public JsonNode send(String method, String db, String path, JsonNode body) {
        return schema.send(method, db, path, body);
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ArangoClient[" + spec.name() + " " + spec.endpoints() + "]";
    }
}
