package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.model.ShardHash;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.Iterator;
import java.util.Map;

/**
 * Collection checksums as arangod computes them in spirit: per document a hash of {@code _key},
 * plus the {@code _rev} hash with {@code withRevisions}, plus an attribute-order-independent hash
 * of the other attributes with {@code withData}; the collection checksum is the XOR over documents
 * (a coordinator XORs its shards). The hash function differs from arangod's, so values are
 * comparable only between emulators.
 */
public final class Checksums {
    private Checksums() {}

    public static long of(ShardReplica r, boolean withRevisions, boolean withData) {
        long sum = 0;
        for (Iterator<DocVersion> it = r.heads(); it.hasNext(); ) {
            DocVersion v = it.next();
            if (!v.tombstone()) {
                sum ^= document(v, withRevisions, withData);
            }
        }
        return sum;
    }

    static long document(DocVersion v, boolean withRevisions, boolean withData) {
        long h = ShardHash.hash(v.key());
        if (withRevisions) {
            h += ShardHash.hash(Revisions.encode(v.rev()));
        }
        if (withData) {
            JsonNode doc = Json.tree(v.json());
            long data = 0xba5eba11L;
            Iterator<Map.Entry<String, JsonNode>> fields = doc.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String name = f.getKey();
                if (name.equals("_id") || name.equals("_key") || name.equals("_rev")) {
                    continue;
                }
                data += ShardHash.hash(name) ^ value(f.getValue());
            }
            h ^= data;
        }
        return h;
    }

    private static long value(JsonNode v) {
        if (v.isObject()) {
            long s = 0x0b1ec7L;
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                s += ShardHash.hash(e.getKey()) ^ value(e.getValue());
            }
            return s;
        }
        if (v.isArray()) {
            long s = 0xa77a7L;
            for (JsonNode e : v) {
                s = s * 31 + value(e);
            }
            return s;
        }
        if (v.isNumber()) {
            return ShardHash.hash(Double.toString(v.asDouble()));
        }
        return ShardHash.hash(v.getNodeType() + ":" + v.asText());
    }
}
