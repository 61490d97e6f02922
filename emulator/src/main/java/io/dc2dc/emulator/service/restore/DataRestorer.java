package io.dc2dc.emulator.service.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.auth.UserStore;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.service.DocumentService;
import io.dc2dc.emulator.service.Outcome;
import io.dc2dc.emulator.service.StreamTransaction;
import io.dc2dc.emulator.service.StreamTransactions;
import io.dc2dc.emulator.service.WriteOptions;
import io.dc2dc.emulator.service.meta.SystemDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link RestoreBatch} to a collection as arangod's restore-data does (§7.3): in one
 * transaction, removals first (missing documents ignored), then inserts with {@code isRestore},
 * {@code overwriteMode=replace}; the first failing document aborts the whole batch with its error.
 * Without {@code preserveRevisionIds} every document gets a new {@code _rev}.
 *
 * <p>{@code _system/_users} is special, as in arangod: {@code _key} is dropped and each document is
 * upserted by its {@code user} attribute (an existing user keeps its key), then the user cache is
 * reloaded so the restored password hash is used at the next login. Thread-safe.
 */
public final class DataRestorer {
    private static final WriteOptions RESTORE =
            new WriteOptions(WriteOptions.OverwriteMode.REPLACE, true, true, true, true, null);
    private static final String USERS = "_users";

    private final Cluster cluster;
    private final DocumentService documents;
    private final StreamTransactions transactions;
    private final SystemDocuments systemDocuments;
    private final UserStore users;

    public DataRestorer(
            Cluster cluster,
            DocumentService documents,
            StreamTransactions transactions,
            SystemDocuments systemDocuments,
            UserStore users) {
        this.cluster = cluster;
        this.documents = documents;
        this.transactions = transactions;
        this.systemDocuments = systemDocuments;
        this.users = users;
    }

    /** Restores {@code batch} into {@code c} of {@code db}. */
    public void restore(
            Database db, ClusterCollection c, RestoreBatch batch, boolean preserveRevisionIds) {
        if (db.name().equals("_system") && c.name().equals(USERS)) {
            restoreUsers(db, c, batch, preserveRevisionIds);
            return;
        }
        List<JsonNode> docs = new ArrayList<>(batch.documents().size());
        for (ObjectNode d : batch.documents()) {
            docs.add(revision(d.deepCopy(), preserveRevisionIds));
        }
        apply(db, c, batch.removals(), docs);
    }

    private void restoreUsers(
            Database db, ClusterCollection c, RestoreBatch batch, boolean preserveRevisionIds) {
        // The DDL lock serialises this upsert with /_api/user changes, as arangod's single AQL
        // UPSERT is atomic per user.
        cluster.ddl().lock();
        try {
            Map<String, String> keyByUser = new HashMap<>();
            for (ObjectNode existing : systemDocuments.all(db, USERS)) {
                if (existing.path("user").isTextual()) {
                    keyByUser.put(existing.get("user").asText(), existing.path("_key").asText());
                }
            }
            List<JsonNode> docs = new ArrayList<>(batch.documents().size());
            for (ObjectNode d : batch.documents()) {
                ObjectNode u = revision(d.deepCopy(), preserveRevisionIds);
                u.remove(List.of("_key", "_id"));
                JsonNode name = u.get("user");
                if (name == null || !name.isTextual()) {
                    throw RestoreBatch.invalid();
                }
                // A new user gets a fresh key now, so a second line for the same user in this
                // batch replaces the first instead of inserting a duplicate.
                String key = keyByUser.computeIfAbsent(name.asText(), n -> c.keys().next());
                u.put("_key", key);
                docs.add(u);
            }
            apply(db, c, batch.removals(), docs);
        } finally {
            users.reload();
            cluster.ddl().unlock();
        }
    }

    private void apply(
            Database db, ClusterCollection c, List<String> removals, List<JsonNode> docs) {
        ObjectNode spec = Json.object();
        spec.putObject("collections").putArray("write").add(c.name());
        StreamTransaction trx = transactions.begin(db, spec);
        boolean committed = false;
        try {
            if (!removals.isEmpty()) {
                List<JsonNode> keys = new ArrayList<>(removals.size());
                for (String k : removals) {
                    keys.add(Json.object().put("_key", k));
                }
                for (Outcome o :
                        documents.write(
                                c, DocumentService.Op.REMOVE, keys, null, RESTORE, true, trx)) {
                    if (o.failed() && o.error().errorNum() != ErrorCode.DOCUMENT_NOT_FOUND.num()) {
                        throw o.error();
                    }
                }
            }
            if (!docs.isEmpty()) {
                for (Outcome o :
                        documents.write(
                                c, DocumentService.Op.INSERT, docs, null, RESTORE, true, trx)) {
                    if (o.failed()) {
                        throw o.error();
                    }
                }
            }
            transactions.commit(db, trx.id());
            committed = true;
        } finally {
            if (!committed) {
                transactions.abort(db, trx.id());
            }
        }
    }

    private static ObjectNode revision(ObjectNode doc, boolean preserveRevisionIds) {
        if (!preserveRevisionIds) {
            doc.remove("_rev");
        }
        return doc;
    }
}
