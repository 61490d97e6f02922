package io.dc2dc.emulator.model;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * ArangoDB 3.12's extended naming convention (on by default since 3.12) for databases and
 * collections: Unicode allowed (NFC-normalised), no {@code /}, no control characters, no leading
 * digit or space, no trailing space, bounded length in UTF-8 bytes; names starting with {@code _}
 * are system names.
 */
public final class Names {
    private Names() {}

    /** Database names: 1..128 bytes, additionally without ':'. */
    public static boolean validDatabase(String name) {
        return name.equals("_system")
                || (valid(name, 128) && name.indexOf(':') < 0 && !name.startsWith("_"));
    }

    /** Collection names: 1..256 bytes; {@code _}-names are allowed for system collections. */
    public static boolean validCollection(String name) {
        return valid(name, 256);
    }

    private static boolean valid(String name, int maxBytes) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return false;
        }
        char first = name.charAt(0);
        if (Character.isDigit(first) || first == ' ' || name.endsWith(" ")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return Normalizer.isNormalized(name, Normalizer.Form.NFC);
    }
}
