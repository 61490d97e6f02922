package io.dc2dc.source;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which databases and collections are replicated. Every rule is a regular expression that must
 * match the whole name, so a plain name matches itself. A collection rule containing {@code /} is
 * matched against {@code database/collection}, any other against the collection's name alone.
 * Something is replicated if it matches an include rule (or there are none) and no exclude rule; a
 * collection only if its database is replicated.
 *
 * <pre>
 * CollectionFilter.of(List.of("shop.+"), List.of("shop_test"), List.of(), List.of("shop/tmp_.+"))
 * </pre>
 */
public final class CollectionFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Replicates everything. */
    public static final CollectionFilter ALL =
            new CollectionFilter(List.of(), List.of(), List.of(), List.of(), false);

    private final List<Pattern> includeDatabases;
    private final List<Pattern> excludeDatabases;
    private final List<Pattern> includeCollections;
    private final List<Pattern> excludeCollections;
    private final boolean dropExcluded;

    private CollectionFilter(
            List<Pattern> includeDatabases,
            List<Pattern> excludeDatabases,
            List<Pattern> includeCollections,
            List<Pattern> excludeCollections,
            boolean dropExcluded) {
        this.includeDatabases = includeDatabases;
        this.excludeDatabases = excludeDatabases;
        this.includeCollections = includeCollections;
        this.excludeCollections = excludeCollections;
        this.dropExcluded = dropExcluded;
    }

    /**
     * The same rules; {@code drop} says whether a collection or database that was replicated and is
     * now left out is dropped on the destination (by default it stays as it was).
     */
    public CollectionFilter dropExcluded(boolean drop) {
        return new CollectionFilter(
                includeDatabases, excludeDatabases, includeCollections, excludeCollections, drop);
    }

    /** Whether what is newly left out is dropped on the destination. */
    public boolean dropsExcluded() {
        return dropExcluded;
    }

    /**
     * Compiles the rules.
     *
     * @throws IllegalArgumentException naming the rule that is not a valid regular expression
     */
    public static CollectionFilter of(
            List<String> includeDatabases,
            List<String> excludeDatabases,
            List<String> includeCollections,
            List<String> excludeCollections) {
        return new CollectionFilter(
                compile(includeDatabases),
                compile(excludeDatabases),
                compile(includeCollections),
                compile(excludeCollections),
                false);
    }

    private static List<Pattern> compile(List<String> rules) {
        return rules.stream()
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .map(
                        r -> {
                            try {
                                return Pattern.compile(r);
                            } catch (PatternSyntaxException e) {
                                throw new IllegalArgumentException(
                                        "'"
                                                + r
                                                + "' is not a valid regular expression: "
                                                + e.getDescription(),
                                        e);
                            }
                        })
                .toList();
    }

    /** Whether the database is replicated. */
    public boolean includesDatabase(String database) {
        return (includeDatabases.isEmpty() || matchesAny(includeDatabases, database, database))
                && !matchesAny(excludeDatabases, database, database);
    }

    /** Whether the collection is replicated (its database included). */
    public boolean includesCollection(String database, String collection) {
        if (!includesDatabase(database)) {
            return false;
        }
        String full = database + "/" + collection;
        return (includeCollections.isEmpty() || matchesAny(includeCollections, collection, full))
                && !matchesAny(excludeCollections, collection, full);
    }

    private static boolean matchesAny(List<Pattern> rules, String name, String full) {
        for (Pattern p : rules) {
            String subject = p.pattern().contains("/") ? full : name;
            if (p.matcher(subject).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "databases +"
                + includeDatabases
                + " -"
                + excludeDatabases
                + ", collections +"
                + includeCollections
                + " -"
                + excludeCollections
                + (dropExcluded ? ", excluded ones dropped on the destination" : "");
    }
}
