package io.dc2dc.emulator.conformance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One way in which an actual response deviates from a recorded one.
 *
 * <pre>$.keyOptions: missing key "lastValue" (expected number 0, actual &lt;absent&gt;)</pre>
 *
 * @param where a JSON path ({@code $.result[2].name}), {@code status}, or {@code header <name>}
 * @param problem what is wrong, e.g. {@code missing key "x"}, {@code type differs}
 * @param expected what the recording shows, short form
 * @param actual what the server under test answered, short form
 */
record Difference(String where, String problem, String expected, String actual) {

    @Override
    public String toString() {
        return where + ": " + problem + " (expected " + expected + ", actual " + actual + ")";
    }

    /** One difference per line, indented, for assertion messages. */
    static String render(List<Difference> differences) {
        return differences.stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
    }
}
