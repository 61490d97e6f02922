package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One response of a transcript: status line, headers, and the body both as recorded text and as
 * parsed JSON values.
 *
 * <p>JSON bodies were re-indented by the docs tool, and marker streams ({@code
 * application/x-arango-dump}) were pretty-printed record after record, so {@link #records()} holds
 * one value for an ordinary JSON body, one value per marker for a stream, and none for an empty
 * body (204, 304, HEAD, text/plain).
 *
 * @param status HTTP status code
 * @param reason reason phrase of the status line, e.g. {@code "Not Found"}
 * @param headers all recorded headers, names lower-case, in recorded order
 * @param body the body text as recorded (empty when none)
 * @param records the JSON values parsed from {@code body}
 */
record RecordedResponse(
        int status, String reason, List<HeaderField> headers, String body, List<JsonNode> records) {

    RecordedResponse {
        headers = List.copyOf(headers);
        records = List.copyOf(records);
    }

    Optional<String> header(String name) {
        return HeaderField.find(headers, name);
    }

    /** The single JSON value of an ordinary JSON body. */
    JsonNode json() {
        if (records.size() != 1) {
            throw new IllegalStateException(
                    "expected one JSON value in the body, found " + records.size());
        }
        return records.get(0);
    }

    /** Whether the body is a marker stream (one JSON object per line on the wire). */
    boolean isMarkerStream() {
        return header("content-type")
                .map(v -> v.startsWith("application/x-arango-dump"))
                .orElse(false);
    }
}
