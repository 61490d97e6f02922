package io.dc2dc.emulator.conformance;

import java.util.List;
import java.util.Optional;

/**
 * A response received from the server under test.
 *
 * @param status HTTP status code
 * @param headers all headers, names lower-case
 * @param body the body text (empty for none)
 */
record ActualResponse(int status, List<HeaderField> headers, String body) {

    ActualResponse {
        headers = List.copyOf(headers);
    }

    Optional<String> header(String name) {
        return HeaderField.find(headers, name);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HTTP ").append(status).append('\n');
        headers.forEach(h -> text.append(h.name()).append(": ").append(h.value()).append('\n'));
        String shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
        return text.append('\n').append(shown).toString();
    }
}
