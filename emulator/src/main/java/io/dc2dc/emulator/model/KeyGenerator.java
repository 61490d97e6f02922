package io.dc2dc.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A collection's key generator ({@code keyOptions}): traditional (cluster-wide ids), autoincrement
 * ({@code offset}/{@code increment}), padded (16 hex digits) or uuid; plus key validation.
 * Thread-safe.
 */
public final class KeyGenerator {
    private static final int MAX_KEY_LENGTH = 254;

    private final String type;
    private final boolean allowUserKeys;
    private final long increment;
    private final long offset;
    private final AtomicLong lastValue;
    private final Ids ids;

    private KeyGenerator(
            String type, boolean allowUserKeys, long increment, long offset, long last, Ids ids) {
        this.type = type;
        this.allowUserKeys = allowUserKeys;
        this.increment = increment;
        this.offset = offset;
        this.lastValue = new AtomicLong(last);
        this.ids = ids;
    }

    /** Builds a generator from a creation body's {@code keyOptions} (may be null). */
    public static KeyGenerator from(JsonNode keyOptions, Ids ids) {
        String type = "traditional";
        boolean allow = true;
        long increment = 1;
        long offset = 0;
        long last = 0;
        if (keyOptions != null && keyOptions.isObject()) {
            if (keyOptions.hasNonNull("type")) {
                type = keyOptions.get("type").asText();
            }
            if (keyOptions.has("allowUserKeys")) {
                allow = keyOptions.get("allowUserKeys").asBoolean(true);
            }
            increment = keyOptions.path("increment").asLong(1);
            offset = keyOptions.path("offset").asLong(0);
            last = keyOptions.path("lastValue").asLong(0);
        }
        switch (type) {
            case "traditional", "autoincrement", "padded", "uuid" -> {}
            default -> throw new ApiException(ErrorCode.INVALID_KEY_GENERATOR);
        }
        if (type.equals("autoincrement") && (increment < 1 || increment >= (1L << 16))) {
            throw new ApiException(
                    ErrorCode.INVALID_KEY_GENERATOR, "increment value must be greater than zero");
        }
        return new KeyGenerator(type, allow, increment, offset, last, ids);
    }

    public boolean allowUserKeys() {
        return allowUserKeys;
    }

    public String next() {
        return switch (type) {
            case "autoincrement" -> {
                long v =
                        lastValue.updateAndGet(
                                prev -> {
                                    long base = Math.max(prev, offset);
                                    long n = base + increment;
                                    if (offset > 0 && prev < offset) {
                                        n = offset;
                                    }
                                    return n;
                                });
                yield Long.toString(v);
            }
            case "padded" -> String.format("%016x", lastValue.updateAndGet(p -> p + 1));
            case "uuid" -> UUID.randomUUID().toString();
            default -> {
                long v = ids.next();
                lastValue.accumulateAndGet(v, Math::max);
                yield Long.toString(v);
            }
        };
    }

    /** Remembers user-given numeric keys so generated ones never collide (like arangod). */
    public void track(String key) {
        if (type.equals("autoincrement") && !key.isEmpty() && key.length() < 19) {
            try {
                long v = Long.parseLong(key);
                lastValue.accumulateAndGet(v, Math::max);
            } catch (NumberFormatException ignored) {
                // non-numeric user keys do not influence the generator
            }
        }
    }

    /** {@code keyOptions} as arangod prints it for a cluster collection. */
    public ObjectNode describe(boolean withLastValue) {
        ObjectNode o = Json.object();
        o.put("allowUserKeys", allowUserKeys);
        o.put("type", type);
        if (type.equals("autoincrement")) {
            o.put("offset", offset);
            o.put("increment", increment);
        }
        if (withLastValue) {
            o.put("lastValue", lastValue.get());
        }
        return o;
    }

    /** ArangoDB's key syntax: 1..254 bytes of letters, digits and {@code _-:.@()+,=;$!*'%}. */
    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || "_-:.@()+,=;$!*'%~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
