package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * Recognizes the emulator's answer for a path it does not serve yet (404 with errorNum 404, the
 * same answer ArangoDB gives for an unknown path), for areas that are added to the emulator later.
 */
final class NotEmulatedYet {

    private NotEmulatedYet() {}

    static boolean isUnknownPath(ActualResponse response) {
        if (response.status() != 404) {
            return false;
        }
        try {
            List<JsonNode> values = TranscriptParser.parseJsonValues(response.body());
            return values.size() == 1 && values.get(0).path("errorNum").asInt() == 404;
        } catch (IllegalArgumentException notJson) {
            return false;
        }
    }

    /** Aborts (JUnit: skipped) the running test with {@code not emulated yet: <endpoint>}. */
    static TestAbortedException abort(String method, String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        return new TestAbortedException("not emulated yet: " + method + " " + path);
    }
}
