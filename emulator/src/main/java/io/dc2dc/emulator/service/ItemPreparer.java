package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.DocumentJson;
import io.dc2dc.emulator.model.KeyGenerator;
import io.dc2dc.emulator.model.ShardHash;
import io.dc2dc.emulator.service.DocumentService.Op;

/**
 * Turns one element of a document request into a {@link WriteItem}: validates and generates keys,
 * checks edge attributes, routes to a shard and encodes the new body, all before any lock is taken.
 * Stateless.
 */
final class ItemPreparer {
    private final DocumentService.ShardLocator locator;

    ItemPreparer(DocumentService.ShardLocator locator) {
        this.locator = locator;
    }

    WriteItem prepare(
            ClusterCollection c,
            Op op,
            int index,
            JsonNode item,
            String pathKey,
            WriteOptions o,
            StreamTransaction trx) {
        try {
            if (op == Op.INSERT) {
                return prepareInsert(c, index, item, o);
            }
            String key = pathKey;
            JsonNode body = item;
            if (op == Op.REMOVE) {
                if (key == null) {
                    key = keyOf(c, item);
                }
            } else {
                if (item == null || !item.isObject()) {
                    throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
                }
                if (key == null) {
                    JsonNode k = item.get("_key");
                    if (k == null || !k.isTextual()) {
                        throw new ApiException(ErrorCode.DOCUMENT_HANDLE_BAD);
                    }
                    key = k.asText();
                }
            }
            if (!KeyGenerator.isValidKey(key)) {
                throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
            }
            DocumentJson.Prepared doc =
                    op == Op.REPLACE
                            ? DocumentJson.prepare(c.name(), key, (ObjectNode) body, c.isEdge())
                            : null;
            return new WriteItem(index, key, locator.locate(c, key, trx), body, doc, null);
        } catch (ApiException e) {
            return new WriteItem(index, null, null, item, null, e);
        }
    }

    private WriteItem prepareInsert(ClusterCollection c, int index, JsonNode item, WriteOptions o) {
        if (item == null || !item.isObject()) {
            throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
        }
        JsonNode k = item.get("_key");
        String key;
        if (k != null && !k.isNull()) {
            if (!k.isTextual() || !KeyGenerator.isValidKey(k.asText())) {
                throw new ApiException(ErrorCode.DOCUMENT_KEY_BAD);
            }
            if (!o.isRestore()) {
                if (!c.keys().allowUserKeys()) {
                    throw new ApiException(ErrorCode.DOCUMENT_KEY_UNEXPECTED);
                }
                if (!c.shardsByKey()) {
                    throw new ApiException(ErrorCode.CLUSTER_MUST_NOT_SPECIFY_KEY);
                }
            }
            key = k.asText();
            c.keys().track(key);
        } else {
            key = c.keys().next();
        }
        if (c.isEdge()
                && (!DocumentJson.isValidHandle(item.get("_from"))
                        || !DocumentJson.isValidHandle(item.get("_to")))) {
            throw new ApiException(ErrorCode.INVALID_EDGE_ATTRIBUTE);
        }
        return new WriteItem(
                index,
                key,
                ShardHash.route(c, item, key),
                item,
                DocumentJson.prepare(c.name(), key, (ObjectNode) item, c.isEdge()),
                null);
    }

    private static String keyOf(ClusterCollection c, JsonNode item) {
        String handle;
        if (item != null && item.isTextual()) {
            handle = item.asText();
        } else if (item != null && item.isObject() && item.path("_key").isTextual()) {
            handle = item.get("_key").asText();
        } else {
            throw new ApiException(ErrorCode.DOCUMENT_HANDLE_BAD);
        }
        int slash = handle.indexOf('/');
        if (slash >= 0) {
            if (!handle.substring(0, slash).equals(c.name())) {
                throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
            }
            handle = handle.substring(slash + 1);
        }
        return handle;
    }
}
