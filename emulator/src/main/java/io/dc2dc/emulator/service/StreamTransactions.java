package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coordinator's stream transactions by id: begin (validating declared collections), lookup,
 * commit, abort and expiry of idle transactions. Thread-safe.
 */
public final class StreamTransactions {
    /** Idle transactions are aborted after this long (arangod's default idle timeout). */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;

    private final Cluster cluster;
    private final DocumentService documents;
    private final ConcurrentHashMap<String, StreamTransaction> open = new ConcurrentHashMap<>();

    public StreamTransactions(Cluster cluster, DocumentService documents) {
        this.cluster = cluster;
        this.documents = documents;
    }

    /** Begins a transaction from a {@code /_api/transaction/begin} body. */
    public StreamTransaction begin(Database db, ObjectNode body) {
        JsonNode cols = body.get("collections");
        if (cols == null || !cols.isObject()) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "missing 'collections'");
        }
        Set<String> writes = new HashSet<>();
        for (String kind : new String[] {"read", "write", "exclusive"}) {
            for (String name : names(cols.get(kind))) {
                if (db.collection(name) == null) {
                    throw ApiException.dataSourceNotFound(name);
                }
                if (!kind.equals("read")) {
                    writes.add(db.collection(name).name());
                }
            }
        }
        StreamTransaction trx =
                new StreamTransaction(
                        Long.toString(cluster.ids().next()),
                        db,
                        writes,
                        body.path("allowImplicit").asBoolean(true));
        open.put(trx.id(), trx);
        return trx;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** The transaction with this id in this database, or 404/1655. */
    public StreamTransaction get(Database db, String id) {
        StreamTransaction t = id == null ? null : open.get(id.trim());
        if (t == null || t.database() != db) {
            throw new ApiException(
                    ErrorCode.TRANSACTION_NOT_FOUND, "transaction '" + id + "' not found");
        }
        return t;
    }

    public StreamTransaction commit(Database db, String id) {
        StreamTransaction t = get(db, id);
        t.lock().lock();
        try {
            switch (t.status()) {
                case "committed" -> {
                    return t;
                }
                case "aborted" ->
                        throw new ApiException(
                                ErrorCode.TRANSACTION_DISALLOWED_OPERATION,
                                "transaction was already aborted");
                default -> {
                    documents.commitTransaction(t);
                    t.status("committed");
                    return t;
                }
            }
        } finally {
            t.lock().unlock();
        }
    }

    public StreamTransaction abort(Database db, String id) {
        StreamTransaction t = get(db, id);
        t.lock().lock();
        try {
            if (t.status().equals("committed")) {
                throw new ApiException(
                        ErrorCode.TRANSACTION_DISALLOWED_OPERATION,
                        "transaction was already committed");
            }
            t.status("aborted");
            return t;
        } finally {
            t.lock().unlock();
        }
    }

    /** Transactions of a database that are still running. */
    public List<StreamTransaction> running(Database db) {
        List<StreamTransaction> out = new ArrayList<>();
        for (StreamTransaction t : open.values()) {
            if (t.database() == db && t.status().equals("running")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Aborts idle transactions and forgets finished ones after the idle timeout. */
    public void expire(long nowMillis) {
        for (StreamTransaction t : open.values()) {
            if (t.lastUsedMillis() + IDLE_TIMEOUT_MILLIS < nowMillis) {
                if (t.lock().tryLock()) {
                    try {
                        if (t.status().equals("running")) {
                            t.status("aborted");
                            t.touch();
                        } else {
                            open.remove(t.id(), t);
                        }
                    } finally {
                        t.lock().unlock();
                    }
                }
            }
        }
    }
}
