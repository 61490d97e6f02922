package io.dc2dc.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deterministic document-to-shard routing by shard key values, and the 64-bit string hash used for
 * routing and checksums (FNV-1a with a final avalanche). Stateless.
 */
public final class ShardHash {
    private ShardHash() {}

    /** The shard responsible for a document with these shard key values. */
    public static Shard route(ClusterCollection c, JsonNode doc, String key) {
        List<Shard> shards = c.shards();
        if (shards.size() == 1) {
            return shards.get(0);
        }
        long h;
        if (c.shardsByKey()) {
            h = hash(key);
        } else {
            h = 0x9E3779B97F4A7C15L;
            for (String attr : c.shardKeys()) {
                JsonNode v = attr.equals("_key") ? null : doc == null ? null : doc.get(attr);
                String text = attr.equals("_key") ? key : v == null ? "null" : v.toString();
                h = h * 31 + hash(text);
            }
            h = mix(h);
        }
        return shards.get((int) Long.remainderUnsigned(h, shards.size()));
    }

    public static long hash(String s) {
        return hash(s.getBytes(StandardCharsets.UTF_8));
    }

    public static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
