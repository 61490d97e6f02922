package io.dc2dc.emulator.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tolerances of one comparison: where a recorded shape may legitimately differ from the
 * emulator's (a single-server recording replayed against a cluster, an object keyed by generated
 * ids, a list whose length depends on earlier state). Every tolerance carries the reason, which
 * {@link #tolerances()} lists for the report.
 *
 * <p>Paths are normalized JSON paths: {@code $} is the body, {@code .name} an object member, {@code
 * [*]} any array element, {@code .*} any value of an id-keyed object ({@link #mapAt}). For marker
 * streams {@code $} is each record. Configured once while a scenario is built, read-only
 * afterwards.
 */
final class ShapeRules {

    /** Keys whose values (not just types) must match wherever they occur: the envelope. */
    static final Set<String> DEFAULT_VALUE_KEYS = Set.of("error", "code", "errorNum");

    /** Headers whose value never matters: sizes and clocks. */
    static final Set<String> IGNORED_HEADERS = Set.of("content-length", "date");

    private final Map<String, Set<String>> extraKeys = new HashMap<>();
    private final Map<String, Set<String>> missingKeys = new HashMap<>();
    private final Set<String> anyExtraKeys = new HashSet<>();
    private final Map<String, String> maps = new HashMap<>();
    private final Map<String, List<String>> arrayMatches = new HashMap<>();
    private boolean headersIgnored;
    private final Set<String> anyLength = new HashSet<>();
    private final Set<String> anyValue = new HashSet<>();
    private final Set<String> extraHeaders = new HashSet<>();
    private final Set<String> missingHeaders = new HashSet<>();
    private final Set<String> valueKeys = new HashSet<>(DEFAULT_VALUE_KEYS);
    private final List<String> tolerances = new ArrayList<>();

    /** Keys the actual object at {@code path} may have although the recording lacks them. */
    ShapeRules allowExtraKeys(String path, String because, String... keys) {
        extraKeys.computeIfAbsent(path, p -> new HashSet<>()).addAll(List.of(keys));
        return note(path + " may add " + List.of(keys), because);
    }

    /** The actual object at {@code path} may have any keys the recording lacks (older version). */
    ShapeRules allowAnyExtraKeys(String path, String because) {
        anyExtraKeys.add(path);
        return note(path + " may add any key", because);
    }

    /** Headers are not compared at all (the recording has none, e.g. a quoted body). */
    ShapeRules ignoreHeaders(String because) {
        headersIgnored = true;
        return note("headers not compared", because);
    }

    /** Recorded keys the actual object at {@code path} may lack. */
    ShapeRules allowMissingKeys(String path, String because, String... keys) {
        missingKeys.computeIfAbsent(path, p -> new HashSet<>()).addAll(List.of(keys));
        return note(path + " may lack " + List.of(keys), because);
    }

    /**
     * The object at {@code path} is keyed by generated ids (shard ids, server ids): its keys are
     * not compared, every actual value is compared with the first recorded value.
     */
    ShapeRules mapAt(String path) {
        return mapAt(path, null);
    }

    /**
     * Like {@link #mapAt(String)}, but each actual value is compared with the first recorded value
     * that has the same {@code discriminator} member value (e.g. {@code role}: coordinators and
     * DB-servers are described differently).
     */
    ShapeRules mapAt(String path, String discriminator) {
        maps.put(path, discriminator);
        return this;
    }

    /**
     * The array at {@code path} lists named things in a server-specific order: each actual element
     * is compared with the recorded element that has the same {@code fields[0]} value, else the
     * first with the same {@code fields[1]} value, and so on (e.g. analyzers by name, then type).
     */
    ShapeRules matchElementsBy(String path, String... fields) {
        arrayMatches.put(path, List.of(fields));
        return this;
    }

    /** The fields {@link #matchElementsBy} set for {@code path}; empty for positional matching. */
    List<String> elementMatchFields(String path) {
        return arrayMatches.getOrDefault(path, List.of());
    }

    /** The array (or id-keyed object) at {@code path} may be empty on one side only. */
    ShapeRules anyLength(String path, String because) {
        anyLength.add(path);
        return note(path + " may be empty on one side", because);
    }

    /** Nothing below {@code path} is compared (not even its type). */
    ShapeRules ignore(String path, String because) {
        anyValue.add(path);
        return note(path + " not compared", because);
    }

    /** Additional member names whose values must be equal, e.g. {@code "type"}. */
    ShapeRules compareValuesOf(String... keys) {
        valueKeys.addAll(List.of(keys));
        return this;
    }

    ShapeRules allowExtraHeaders(String because, String... names) {
        for (String name : names) {
            extraHeaders.add(name.toLowerCase(Locale.ROOT));
        }
        return note("headers may add " + List.of(names), because);
    }

    ShapeRules allowMissingHeaders(String because, String... names) {
        for (String name : names) {
            missingHeaders.add(name.toLowerCase(Locale.ROOT));
        }
        return note("headers may lack " + List.of(names), because);
    }

    boolean extraKeyAllowed(String path, String key) {
        return anyExtraKeys.contains(path) || extraKeys.getOrDefault(path, Set.of()).contains(key);
    }

    boolean missingKeyAllowed(String path, String key) {
        return missingKeys.getOrDefault(path, Set.of()).contains(key);
    }

    boolean isMap(String path) {
        return maps.containsKey(path);
    }

    /** The discriminator member of the id-keyed object at {@code path}, or null. */
    String mapDiscriminator(String path) {
        return maps.get(path);
    }

    boolean anyLength(String path) {
        return anyLength.contains(path);
    }

    boolean ignored(String path) {
        return anyValue.contains(path);
    }

    boolean comparesValueOf(String key) {
        return valueKeys.contains(key);
    }

    boolean headersIgnored() {
        return headersIgnored;
    }

    boolean extraHeaderAllowed(String name) {
        return extraHeaders.contains(name);
    }

    boolean missingHeaderAllowed(String name) {
        return missingHeaders.contains(name);
    }

    /** Every tolerance with its reason, for reports and CONFORMANCE.md. */
    List<String> tolerances() {
        return List.copyOf(tolerances);
    }

    private ShapeRules note(String what, String because) {
        tolerances.add(what + ": " + because);
        return this;
    }
}
