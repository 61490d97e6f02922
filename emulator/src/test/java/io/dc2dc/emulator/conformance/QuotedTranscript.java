package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code docs-quoted/kubernetes-drain-health-and-clusterInventory.txt} into a {@link
 * Transcript}. That file holds response bodies quoted by documentation authors (ArangoDB 3.4.2
 * cluster), abridged with {@code ... [more entries]} lines and without status lines or headers; the
 * two JSON bodies that answer GET requests become responses to synthesized requests: {@code GET
 * /_admin/cluster/health} and {@code GET /_db/_system/_api/replication/clusterInventory}.
 */
final class QuotedTranscript {

    static final String DIR = "docs-quoted";

    private static final JsonMapper ABRIDGED =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private QuotedTranscript() {}

    static Transcript parse(String file, String text) {
        List<JsonNode> bodies = new ArrayList<>();
        for (String block : text.split("(?m)^-----$")) {
            String json = block.strip();
            if (!json.startsWith("{") || !json.contains("\n")) {
                continue; // shell commands, request lines, one-line request bodies
            }
            bodies.add(parseAbridged(file, json));
        }
        JsonNode health = find(file, bodies, "Health");
        JsonNode inventory = find(file, bodies, "collections");
        return new Transcript(
                DIR,
                file,
                "kubernetes-drain",
                "cluster",
                "quoted responses of a 3.4.2 cluster (no script)",
                List.of(
                        get("/_admin/cluster/health"),
                        get("/_db/_system/_api/replication/clusterInventory")),
                List.of(ok(health), ok(inventory)));
    }

    /** The quote with its {@code ... [explanation]} elision lines removed. */
    private static JsonNode parseAbridged(String file, String json) {
        String cleaned = json.replaceAll("(?m)^\\s*\\.\\.\\. \\[[^\\]]*\\]\\s*$\\n?", "");
        try {
            return ABRIDGED.readTree(cleaned);
        } catch (JsonProcessingException e) {
            throw new TranscriptParser.TranscriptFormatException(
                    file, "quoted JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode find(String file, List<JsonNode> bodies, String member) {
        return bodies.stream()
                .filter(b -> b.has(member))
                .findFirst()
                .orElseThrow(
                        () ->
                                new TranscriptParser.TranscriptFormatException(
                                        file, "no quoted body with " + member));
    }

    private static RecordedRequest get(String target) {
        return new RecordedRequest(
                "GET", target, List.of(new HeaderField("accept", "application/json")), null);
    }

    private static RecordedResponse ok(JsonNode body) {
        return new RecordedResponse(200, "OK", List.of(), body.toPrettyString(), List.of(body));
    }
}
