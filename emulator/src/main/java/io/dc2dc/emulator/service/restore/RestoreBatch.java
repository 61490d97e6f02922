package io.dc2dc.emulator.service.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /_api/replication/restore-data} parsed the way arangod parses it: one JSON
 * object per line, each either a raw document (it has a string {@code _key}) or a dump envelope.
 *
 * <pre>
 * {"_key":"a","n":1}                               raw document   → insert
 * {"type":2300,"data":{"_key":"b","n":2}}          envelope       → insert (2301 likewise)
 * {"type":2302,"data":{"_key":"c"}}                envelope       → remove
 * {"type":2302,"key":"d"}                          envelope       → remove
 * </pre>
 *
 * Anything else is 400/600 "got an invalid input document". Blank lines are skipped.
 *
 * @param documents documents to insert, in body order
 * @param removals keys to remove, in body order
 */
public record RestoreBatch(List<ObjectNode> documents, List<String> removals) {

    static final int DOCUMENT = 2300;
    static final int EDGE = 2301;
    static final int REMOVE = 2302;

    public RestoreBatch {
        documents = List.copyOf(documents);
        removals = List.copyOf(removals);
    }

    /** Parses a JSONL body; bad JSON is 400/600 like any other body. */
    public static RestoreBatch parse(byte[] body) {
        List<ObjectNode> documents = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parseLine(line);
            if (!node.isObject()) {
                throw invalid();
            }
            JsonNode type = node.get("type");
            if (type != null && type.isNumber() && (node.has("data") || node.has("key"))) {
                envelope(type.asInt(), node, documents, removals);
            } else if (node.path("_key").isTextual()) {
                documents.add((ObjectNode) node);
            } else {
                throw invalid();
            }
        }
        return new RestoreBatch(documents, removals);
    }

    private static void envelope(
            int type, JsonNode node, List<ObjectNode> documents, List<String> removals) {
        JsonNode data = node.get("data");
        switch (type) {
            case DOCUMENT, EDGE -> {
                if (data == null || !data.isObject() || !data.path("_key").isTextual()) {
                    throw invalid();
                }
                documents.add((ObjectNode) data);
            }
            case REMOVE -> {
                JsonNode key = data != null && data.isObject() ? data.get("_key") : node.get("key");
                if (key == null || !key.isTextual()) {
                    throw invalid();
                }
                removals.add(key.asText());
            }
            default -> throw invalid();
        }
    }

    private static JsonNode parseLine(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw Json.corrupt(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiException invalid() {
        return new ApiException(ErrorCode.CORRUPTED_JSON, "got an invalid input document");
    }
}
