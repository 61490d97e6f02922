package io.dc2dc.emulator.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP header line; the name is kept lower-case because ArangoDB sends lower-case names and
 * HTTP header names are case-insensitive.
 */
record HeaderField(String name, String value) {

    HeaderField {
        name = name.toLowerCase(Locale.ROOT);
    }

    /** The value of the first header called {@code name} (any case) in {@code headers}. */
    static Optional<String> find(List<HeaderField> headers, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream()
                .filter(h -> h.name().equals(wanted))
                .map(HeaderField::value)
                .findFirst();
    }
}
