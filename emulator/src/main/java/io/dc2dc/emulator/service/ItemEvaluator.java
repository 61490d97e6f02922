package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.DocumentJson;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.service.DocumentService.Op;
import io.dc2dc.emulator.service.meta.UniqueIndexes;
import io.dc2dc.emulator.storage.DocVersion;
import java.util.List;

/**
 * Decides what one document operation does, given the document's current state (earlier items of
 * the same request, the stream transaction, then the shard leader's data): the new version with a
 * fresh revision, or an error. Runs under the locks of the item's shard, so revisions of one key
 * grow in commit order.
 */
final class ItemEvaluator {
    private final Cluster cluster;

    ItemEvaluator(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Current state of a document: request overlay, transaction overlay, then leader data. */
    private Change current(WriteItem it, Overlay local, StreamTransaction trx) {
        Change ch = local.get(it.shard(), it.key());
        if (ch == null && trx != null) {
            ch = trx.overlay.get(it.shard(), it.key());
        }
        if (ch != null) {
            return ch.removal() ? null : ch;
        }
        DocVersion v = cluster.dbServer(it.shard().leader()).replica(it.shard()).get(it.key());
        return v == null ? null : new Change(it.shard(), v.key(), v.rev(), v.json());
    }

    Outcome evaluate(
            ClusterCollection c,
            Op op,
            WriteItem it,
            WriteOptions o,
            Overlay local,
            StreamTransaction trx,
            List<Change> changes,
            UniqueIndexes.Scope unique) {
        Change cur = current(it, local, trx);
        try {
            Change next;
            switch (op) {
                case INSERT -> {
                    if (cur != null) {
                        switch (o.overwriteMode()) {
                            case IGNORE -> {
                                return Outcome.ok(it.key(), cur.rev(), 0, cur.json(), null);
                            }
                            case REPLACE -> next = replaced(c, it, (ObjectNode) it.body(), cur, o);
                            case UPDATE -> next = updated(c, it, cur, o);
                            default ->
                                    throw new ApiException(
                                            ErrorCode.UNIQUE_CONSTRAINT_VIOLATED,
                                            "unique constraint violated - in index primary of type"
                                                    + " primary over '_key'; conflicting key: "
                                                    + it.key());
                        }
                    } else {
                        // revisions are taken under the shard lock, so later writes of a key
                        // always carry larger revisions; the body was encoded before locking
                        long rev = revisionFor(it.body(), o);
                        next = new Change(it.shard(), it.key(), rev, it.doc().withRevision(rev));
                    }
                }
                case REPLACE -> {
                    checkPreconditions(it, cur, o);
                    if (c.isEdge()
                            && (!DocumentJson.isValidHandle(it.body().get("_from"))
                                    || !DocumentJson.isValidHandle(it.body().get("_to")))) {
                        throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
                    }
                    next = replaced(c, it, (ObjectNode) it.body(), cur, o);
                }
                case UPDATE -> {
                    checkPreconditions(it, cur, o);
                    next = updated(c, it, cur, o);
                }
                default -> {
                    checkPreconditions(it, cur, o);
                    next = new Change(it.shard(), it.key(), cur.rev(), null);
                }
            }
            if (unique != null) {
                unique.admit(next); // secondary unique indexes: 409/1210 like a shard leader
            }
            local.put(next);
            changes.add(next);
            return Outcome.ok(
                    it.key(),
                    next.rev(),
                    cur == null ? 0 : cur.rev(),
                    next.json(),
                    cur == null ? null : cur.json());
        } catch (ApiException e) {
            if (e.errorNum() == ErrorCode.CONFLICT.num() && cur != null) {
                return Outcome.conflict(e, it.key(), cur.rev());
            }
            return Outcome.failed(e);
        }
    }

    private static void checkPreconditions(WriteItem it, Change cur, WriteOptions o) {
        if (cur == null) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
        }
        String actual = Revisions.encode(cur.rev());
        if (o.ifMatch() != null && !o.ifMatch().equals(actual)) {
            throw new ApiException(ErrorCode.CONFLICT, 412, ErrorCode.CONFLICT.message());
        }
        if (!o.ignoreRevs() && it.body() != null && it.body().isObject()) {
            JsonNode rev = it.body().get("_rev");
            if (rev != null && rev.isTextual() && !rev.asText().equals(actual)) {
                throw new ApiException(ErrorCode.CONFLICT);
            }
        }
    }

    private Change replaced(
            ClusterCollection c, WriteItem it, ObjectNode body, Change cur, WriteOptions o) {
        ObjectNode old = c.shardsByKey() ? null : DocumentJson.parse(cur.json());
        checkShardKeys(c, old, body);
        long rev = revisionFor(body, o);
        return new Change(it.shard(), it.key(), rev, it.doc().withRevision(rev));
    }

    private Change updated(ClusterCollection c, WriteItem it, Change cur, WriteOptions o) {
        ObjectNode old = DocumentJson.parse(cur.json());
        ObjectNode patch = (ObjectNode) it.body();
        ObjectNode merged = DocumentJson.merge(old, patch, o.keepNull(), o.mergeObjects());
        if (c.isEdge()
                && (!DocumentJson.isValidHandle(merged.get("_from"))
                        || !DocumentJson.isValidHandle(merged.get("_to")))) {
            throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
        }
        if (!c.shardsByKey()) {
            checkShardKeys(c, old, merged);
        }
        long rev = revisionFor(patch, o);
        return new Change(
                it.shard(),
                it.key(),
                rev,
                DocumentJson.build(c.name(), it.key(), rev, merged, c.isEdge()));
    }

    private static void checkShardKeys(ClusterCollection c, ObjectNode old, ObjectNode next) {
        if (old == null) {
            return;
        }
        for (String attr : c.shardKeys()) {
            if (attr.equals("_key")) {
                continue;
            }
            JsonNode a = old.get(attr);
            JsonNode b = next.get(attr);
            boolean same = a == null ? b == null || b.isNull() : a.equals(b);
            if (!same) {
                throw new ApiException(ErrorCode.CLUSTER_MUST_NOT_CHANGE_SHARDING_ATTRIBUTES);
            }
        }
    }

    /** {@code isRestore} keeps the given {@code _rev}; everything else gets a fresh one. */
    private long revisionFor(JsonNode body, WriteOptions o) {
        if (o.isRestore() && body != null) {
            JsonNode rev = body.get("_rev");
            if (rev != null && rev.isTextual()) {
                long v = Revisions.decode(rev.asText());
                if (v > 0) {
                    cluster.revisions().witness(v);
                    return v;
                }
            }
        }
        return cluster.revisions().next();
    }
}
