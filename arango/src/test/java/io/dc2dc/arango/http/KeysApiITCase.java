package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.arango.wire.ParseStats;
import io.dc2dc.arango.wire.RawDocument;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The keys API used to compare shards: listing, chunk hashes, chunk keys and documents. */
class KeysApiITCase {

    private static final String DB = "it_keys";

    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(
                    EmulatorConfig.builder()
                            .dbServers(2)
                            .jwtSecret(EmulatorClusters.secretBytes())
                            .build());

    @TempDir static Path dir;
    private static ArangoClient client;

    @BeforeAll
    static void setUp() {
        client = EmulatorClusters.securedClient(EMU, dir);
        client.createDatabase(DB, null);
        client.createCollection(
                DB, Json.MAPPER.createObjectNode().put("name", "k").put("numberOfShards", 1));
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    @Test
    void listsKeysRevisionsAndDocumentsOfAShard() {
        long base = Revisions.of(1_700_000_000_000L, 0);
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            docs.add(
                    ("{\"_key\":\"key"
                                    + String.format("%04d", i)
                                    + "\",\"_rev\":\""
                                    + Revisions.encode(base + i)
                                    + "\",\"n\":"
                                    + i
                                    + "}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(client.insertRestore(DB, "k", docs).hasErrors()).isFalse();
        CollectionInfo info =
                client.collections(DB).stream()
                        .filter(c -> c.name().equals("k"))
                        .findFirst()
                        .orElseThrow();
        String shard = info.shards().keySet().iterator().next();
        String leader = info.leader(shard);
        Batch batch = client.createBatch(leader, DB, Duration.ofMinutes(5), 0);
        try {
            KeysHandle keys = client.createKeys(leader, DB, shard, batch.id());
            assertThat(keys.count()).isEqualTo(1000);
            List<KeyChunk> chunks = client.keyChunks(leader, DB, keys.id(), 100);
            assertThat(chunks).isNotEmpty();
            assertThat(chunks.get(0).low()).isEqualTo("key0000");
            assertThat(chunks.get(chunks.size() - 1).high()).isEqualTo("key0999");

            Map<String, Long> seen = new HashMap<>();
            for (int c = 0; c < chunks.size(); c++) {
                List<KeyEntry> entries =
                        client.chunkKeys(leader, DB, keys.id(), c, 100, chunks.get(c).low());
                entries.forEach(e -> seen.put(e.key(), e.rev()));
                if (c == 0) {
                    List<Integer> all = IntStream.range(0, entries.size()).boxed().toList();
                    List<RawDocument> fetched = new ArrayList<>();
                    ParseStats stats =
                            client.chunkDocs(
                                    leader,
                                    DB,
                                    keys.id(),
                                    0,
                                    100,
                                    chunks.get(0).low(),
                                    0,
                                    all,
                                    fetched::add);
                    assertThat(stats.records()).isEqualTo(entries.size());
                    assertThat(fetched)
                            .extracting(RawDocument::key)
                            .containsExactlyElementsOf(
                                    entries.stream().map(KeyEntry::key).toList());
                    assertThat(fetched.get(0).rev()).isEqualTo(entries.get(0).rev());
                }
            }
            assertThat(seen).hasSize(1000);
            assertThat(seen.get("key0042")).isEqualTo(base + 42);
            client.deleteKeys(leader, DB, keys.id());
        } finally {
            client.deleteBatch(leader, DB, batch.id());
        }
    }
}
