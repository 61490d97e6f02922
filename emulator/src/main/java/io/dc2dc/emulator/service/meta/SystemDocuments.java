package io.dc2dc.emulator.service.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.service.DocumentService;
import io.dc2dc.emulator.service.Outcome;
import io.dc2dc.emulator.service.WriteOptions;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and writes the documents of a database's system collections ({@code _graphs}, {@code
 * _analyzers}, {@code _aqlfunctions}, {@code _users}, {@code _apps}) through the ordinary document
 * write path, so metadata lands in shards and WALs and replicates like data. Reads come from the
 * shard leaders. Thread-safe.
 */
public final class SystemDocuments {
    private static final WriteOptions PLAIN = WriteOptions.defaults();

    private final Cluster cluster;
    private final DocumentService documents;

    public SystemDocuments(Cluster cluster, DocumentService documents) {
        this.cluster = cluster;
        this.documents = documents;
    }

    /** The system collection, or 500 if the database lacks it (it never should). */
    public ClusterCollection collection(Database db, String name) {
        ClusterCollection c = db.collection(name);
        if (c == null) {
            throw new ApiException(ErrorCode.INTERNAL, "system collection " + name + " missing");
        }
        return c;
    }

    /** All live documents, ordered by key. */
    public List<ObjectNode> all(Database db, String collection) {
        List<ObjectNode> out = new ArrayList<>();
        for (Shard s : collection(db, collection).shards()) {
            DbServer leader = cluster.dbServer(s.leader());
            ShardReplica r = leader == null ? null : leader.replica(s);
            if (r == null || !leader.running()) {
                throw new ApiException(ErrorCode.CLUSTER_BACKEND_UNAVAILABLE);
            }
            for (Iterator<DocVersion> it = r.heads(); it.hasNext(); ) {
                DocVersion v = it.next();
                if (!v.tombstone()) {
                    out.add((ObjectNode) Json.tree(v.json()));
                }
            }
        }
        out.sort(Comparator.comparing(d -> d.path("_key").asText()));
        return out;
    }

    /** One document by key, or null. */
    public ObjectNode get(Database db, String collection, String key) {
        DocumentService.DocVersionView v = documents.read(collection(db, collection), key, null);
        return v == null ? null : (ObjectNode) Json.tree(v.json());
    }

    /** Inserts a document (409/1210 if the key exists); returns the stored document. */
    public ObjectNode insert(Database db, String collection, ObjectNode doc) {
        return write(db, collection, DocumentService.Op.INSERT, doc, null);
    }

    /** Replaces the document with {@code key} (404/1202 if missing); returns the stored one. */
    public ObjectNode replace(Database db, String collection, String key, ObjectNode doc) {
        return write(db, collection, DocumentService.Op.REPLACE, doc, key);
    }

    /** Removes the document with {@code key}; false if it did not exist. */
    public boolean remove(Database db, String collection, String key) {
        Outcome o =
                documents
                        .write(
                                collection(db, collection),
                                DocumentService.Op.REMOVE,
                                java.util.Collections.singletonList((JsonNode) null),
                                key,
                                PLAIN,
                                false,
                                null)
                        .get(0);
        if (o.failed()) {
            if (o.error().errorNum() == ErrorCode.DOCUMENT_NOT_FOUND.num()) {
                return false;
            }
            throw o.error();
        }
        return true;
    }

    private ObjectNode write(
            Database db, String collection, DocumentService.Op op, ObjectNode doc, String key) {
        Outcome o =
                documents
                        .write(
                                collection(db, collection),
                                op,
                                List.of(doc),
                                key,
                                PLAIN,
                                false,
                                null)
                        .get(0);
        if (o.failed()) {
            throw o.error();
        }
        return (ObjectNode) Json.tree(o.newJson());
    }
}
