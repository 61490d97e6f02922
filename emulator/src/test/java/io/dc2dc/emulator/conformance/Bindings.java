package io.dc2dc.emulator.conformance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recorded value → value on the server under test, for everything a transcript's requests carry
 * that the recording server generated: document keys, revisions, collection and transaction ids,
 * ticks.
 *
 * <p>A value is replaced only as a whole token (not inside a longer run of key characters), so
 * binding {@code 7070} never rewrites {@code 170706}. Longer recorded values are replaced first.
 * Not thread-safe: one instance per replay.
 */
final class Bindings {

    // Characters that may appear inside keys, revisions and ids; a match must not touch them.
    private static final String TOKEN_CHARS = "A-Za-z0-9_\\-";

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Replace {@code recorded} by {@code actual}; a later bind of the same recorded value wins. */
    Bindings bind(String recorded, String actual) {
        if (recorded == null || recorded.isEmpty()) {
            throw new IllegalArgumentException("empty recorded value");
        }
        values.put(recorded, actual);
        return this;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code text} with every bound recorded value replaced, in one pass (no chained rewrites). */
    String apply(String text) {
        if (values.isEmpty()) {
            return text;
        }
        String alternatives =
                values.keySet().stream()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .map(Pattern::quote)
                        .collect(Collectors.joining("|"));
        Pattern tokens =
                Pattern.compile(
                        "(?<!["
                                + TOKEN_CHARS
                                + "])("
                                + alternatives
                                + ")(?!["
                                + TOKEN_CHARS
                                + "])");
        Matcher m = tokens.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(values.get(r.group(1))));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
