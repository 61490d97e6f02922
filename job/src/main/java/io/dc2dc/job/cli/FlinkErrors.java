package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Flink's error answers, which carry whole Java stack traces ({@code {"errors":
 * ["<trace>"]}}, savepoint {@code failure-cause}s), into the one line an operator needs: the
 * innermost cause, e.g. the job's own {@code JobConfig$InvalidConfigException:
 * destination.endpoints is missing}.
 */
final class FlinkErrors {

    private FlinkErrors() {}

    /** The operator-relevant part of Flink's {@code {"errors": ["<stack trace>"]}}. */
    static String message(JsonNode json) {
        JsonNode errors = json.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return json.toString();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
            String text = e.asText();
            String cause = lastCause(text);
            parts.add(cause.isEmpty() ? text.lines().findFirst().orElse(text) : cause);
        }
        return String.join("; ", parts);
    }

    /** The message of the innermost "Caused by:" of a Java stack trace, else its first line. */
    static String lastCause(String trace) {
        String found = trace.lines().findFirst().orElse("");
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                found = line.substring("Caused by: ".length());
            }
        }
        // "java.lang.IllegalStateException: message" -> keep the class for context, but shortly
        int colon = found.indexOf(": ");
        if (colon > 0 && found.substring(0, colon).matches("[\\w.$]+")) {
            String simple = found.substring(found.lastIndexOf('.', colon) + 1, colon);
            return simple + ": " + found.substring(colon + 2);
        }
        return found;
    }

    /** The {@code failure-cause} of a savepoint operation, one line. */
    static String failureCause(JsonNode failureCause) {
        String trace = failureCause.path("stack-trace").asText("");
        return trace.isEmpty() ? failureCause.toString() : lastCause(trace);
    }
}
