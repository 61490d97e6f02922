package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.error.ErrorNums;
import io.dc2dc.arango.rev.Revisions;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.arango.wire.Json;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink's writes: revision-keeping bulk upserts and idempotent bulk removals. */
class DocumentWritesITCase {

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
        client.createDatabase("it_writes", null);
    }

    /** Each test writes into its own collection. */
    private static void createCollection(String name) {
        client.createCollection(
                "it_writes",
                Json.MAPPER.createObjectNode().put("name", name).put("numberOfShards", 4));
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    private static byte[] doc(String key, long rev, String extra) {
        return ("{\"_key\":\""
                        + key
                        + "\",\"_rev\":\""
                        + Revisions.encode(rev)
                        + "\",\"v\":\""
                        + extra
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(String collection, String key) {
        return client.get(
                "it_writes",
                "/_api/document/" + ApiPath.encode(collection) + "/" + ApiPath.encode(key));
    }

    @Test
    void upsertsKeepTheSourceRevisionAndAreIdempotent() {
        createCollection("upserts");
        long base = Revisions.of(1_700_000_000_000L, 0);
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            docs.add(doc("k" + i, base + i, "ü" + i));
        }
        BulkResult first = client.insertRestore("it_writes", "upserts", docs);
        assertThat(first.hasErrors()).as("%s", first.errors()).isFalse();
        assertThat(first.succeeded()).isEqualTo(100);
        // replaying the same batch changes nothing and fails nothing
        BulkResult again = client.insertRestore("it_writes", "upserts", docs);
        assertThat(again.hasErrors()).isFalse();
        assertThat(client.count("it_writes", "upserts")).isEqualTo(100);

        JsonNode k7 = read("upserts", "k7");
        assertThat(Revisions.decode(k7.path("_rev").asText())).isEqualTo(base + 7);
        assertThat(k7.path("v").asText()).isEqualTo("ü7");

        // a newer version replaces the document, revision included
        client.insertRestore("it_writes", "upserts", List.of(doc("k7", base + 1000, "new")));
        assertThat(read("upserts", "k7").path("v").asText()).isEqualTo("new");
        assertThat(Revisions.decode(read("upserts", "k7").path("_rev").asText()))
                .isEqualTo(base + 1000);
    }

    @Test
    void reportsPerItemErrorsWithTheirKeys() {
        createCollection("errors");
        long rev = Revisions.of(1_700_000_000_000L, 5);
        BulkResult r =
                client.insertRestore(
                        "it_writes",
                        "errors",
                        List.of(
                                doc("good-1", rev, "x"),
                                doc("bad key/with slash", rev, "x"),
                                doc("good-2", rev, "x")));
        assertThat(r.succeeded()).isEqualTo(2);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).index()).isEqualTo(1);
        assertThat(r.errors().get(0).key()).isEqualTo("bad key/with slash");
        assertThat(r.errors().get(0).errorNum()).isEqualTo(ErrorNums.DOCUMENT_KEY_BAD);
        assertThat(r.hasOnlyTransientErrors()).isFalse();
        assertThat(r.errorCodes()).containsEntry(ErrorNums.DOCUMENT_KEY_BAD, 1);
    }

    @Test
    void removalsOfMissingDocumentsCountAsDone() {
        createCollection("removals");
        long rev = Revisions.of(1_700_000_000_000L, 9);
        client.insertRestore(
                "it_writes", "removals", List.of(doc("r1", rev, "x"), doc("r2", rev, "x")));
        BulkResult r =
                client.removeKeys("it_writes", "removals", List.of("r1", "r2", "never-there"));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.succeeded()).isEqualTo(3);
        assertThat(r.ignored()).isEqualTo(1);
        BulkResult again = client.removeKeys("it_writes", "removals", List.of("r1"));
        assertThat(again.ignored()).isEqualTo(1);
    }
}
