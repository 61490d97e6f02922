package io.dc2dc.job.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.Batch;
import io.dc2dc.arango.http.CollectionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every document of every user collection of a cluster, read shard by shard under a batch on the
 * shard's leader: {@code database/collection → _key → document}. For comparing two clusters
 * document by document and revision by revision ({@link ContentDiff}).
 */
public final class ClusterContents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CHECK_SYNCER_ID = 1;

    private ClusterContents() {}

    public static Map<String, Map<String, JsonNode>> read(ArangoClient client) {
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        for (String db : client.databases()) {
            for (CollectionInfo c : client.collections(db)) {
                if (c.isSystem()) {
                    continue;
                }
                out.put(db + "/" + c.name(), readCollection(client, db, c));
            }
        }
        return out;
    }

    /** One collection's documents, {@code _key → document}, read shard by shard under a batch. */
    public static Map<String, JsonNode> readCollection(
            ArangoClient client, String db, CollectionInfo c) {
        Map<String, JsonNode> docs = new TreeMap<>();
        for (Map.Entry<String, List<String>> shard : c.shards().entrySet()) {
            String leader = shard.getValue().get(0);
            Batch batch = client.createBatch(leader, db, Duration.ofMinutes(5), CHECK_SYNCER_ID);
            try {
                boolean more = true;
                while (more) {
                    int[] n = {0};
                    more =
                            client.dump(
                                                    leader,
                                                    db,
                                                    shard.getKey(),
                                                    batch.id(),
                                                    4 << 20,
                                                    doc -> {
                                                        docs.put(doc.key(), parse(doc.bytes()));
                                                        n[0]++;
                                                    })
                                            .checkMore()
                                    && n[0] > 0;
                }
            } finally {
                client.deleteBatch(leader, db, batch.id());
            }
        }
        return docs;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
