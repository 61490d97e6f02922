package io.dc2dc.arango.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dc2dc.arango.error.ErrorContext;
import io.dc2dc.arango.error.ErrorNums;
import io.dc2dc.arango.wire.BulkResult;
import io.dc2dc.arango.wire.BulkResultParser;
import io.dc2dc.arango.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Coordinator document writes of the sink: idempotent bulk upserts that keep the source's {@code
 * _rev}, and bulk removals where an already missing document counts as removed. Thread-safe.
 */
final class WriteCalls {

    private static final String ERROR_CODES = "x-arango-error-codes";

    private final HttpTransport transport;

    WriteCalls(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Upserts {@code documents}, first with {@code silent=true}: when every item succeeds ArangoDB
     * answers with an empty array instead of one {@code _id}/{@code _key}/{@code _rev} object per
     * document, which the destination need not render, nor the network carry (about 60 bytes a
     * document), nor the job parse. If any item failed, the silent answer lists only the errors,
     * which cannot be matched to the items; the same batch is then sent again with {@code
     * silent=false} to learn which failed. Sending it twice is safe: the upsert is idempotent
     * ({@code isRestore} keeps each document's {@code _rev}, {@code overwriteMode=replace}).
     */
    BulkResult insertRestore(String db, String collection, List<byte[]> documents) {
        if (documents.isEmpty()) {
            return new BulkResult(0, 0, 0, List.of(), Map.of());
        }
        boolean allWritten =
                transport.execute(
                        upsert(db, collection, documents, true),
                        r -> {
                            try (InputStream in = r.body()) {
                                return BulkResultParser.isEmptyAnswer(in);
                            }
                        });
        if (allWritten) {
            return new BulkResult(documents.size(), documents.size(), 0, List.of(), Map.of());
        }
        return transport.execute(
                upsert(db, collection, documents, false),
                r -> {
                    try (InputStream in = r.body()) {
                        return BulkResultParser.parse(
                                in,
                                documents.size(),
                                r.header(ERROR_CODES),
                                i -> BulkResultParser.keyOf(documents.get(i)),
                                errorNum -> false);
                    }
                });
    }

    private static Call upsert(
            String db, String collection, List<byte[]> documents, boolean silent) {
        return Call.coordinator(
                        "POST",
                        ApiPath.db(db)
                                .path("/_api/document/")
                                .segment(collection)
                                // isRestore keeps the body's _rev; replace makes the write
                                // idempotent; validation is the source's business
                                .query("isRestore", true)
                                .query("overwriteMode", "replace")
                                .query("silent", silent)
                                .query("skipDocumentValidation", true),
                        ErrorContext.collection(db, collection))
                .withBody(new JsonArrayEntity(documents));
    }

    BulkResult removeKeys(String db, String collection, List<String> keys) {
        if (keys.isEmpty()) {
            return new BulkResult(0, 0, 0, List.of(), Map.of());
        }
        Call call =
                Call.coordinator(
                                "DELETE",
                                ApiPath.db(db)
                                        .path("/_api/document/")
                                        .segment(collection)
                                        .query("silent", false),
                                ErrorContext.collection(db, collection))
                        .withBody(keyArray(keys));
        return transport.execute(
                call,
                r -> {
                    try (InputStream in = r.body()) {
                        return BulkResultParser.parse(
                                in,
                                keys.size(),
                                r.header(ERROR_CODES),
                                keys::get,
                                errorNum -> errorNum == ErrorNums.DOCUMENT_NOT_FOUND);
                    }
                });
    }

    private static ByteArrayEntity keyArray(List<String> keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(keys.size() * 16 + 2);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (String key : keys) {
                g.writeString(key);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a key array", e);
        }
        return new ByteArrayEntity(out.toByteArray(), ContentType.APPLICATION_JSON);
    }
}
