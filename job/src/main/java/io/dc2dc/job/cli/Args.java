package io.dc2dc.job.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.util.TimeUtils;

/**
 * The parsed command line of one subcommand: {@code --name value} (or {@code --name=value})
 * options, {@code --flag} switches and positional arguments. Only the options a command declares
 * are accepted; anything else is a usage error that names it.
 *
 * <pre>Args.parse(["--max-lag", "5s", "--json"], Set.of("--max-lag"), Set.of("--json"))
 *   .duration("--max-lag", ...) == PT5S, .flag("--json") == true</pre>
 */
final class Args {

    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> positionals;

    private Args(Map<String, String> values, Set<String> flags, List<String> positionals) {
        this.values = values;
        this.flags = flags;
        this.positionals = positionals;
    }

    /**
     * Parses {@code argv}. {@code -h} is an alias of {@code --help}; a lone {@code --} ends the
     * options (everything after it is positional).
     */
    static Args parse(String[] argv, Set<String> valueOptions, Set<String> flagOptions) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.equals("-h") ? "--help" : arg;
            String inline = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valueOptions.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw CliException.usage(name + " needs a value");
                    }
                    value = argv[++i];
                }
                if (values.put(name, value) != null) {
                    throw CliException.usage(name + " is given twice");
                }
            } else if (flagOptions.contains(name) || name.equals("--help")) {
                if (inline != null) {
                    throw CliException.usage(name + " takes no value");
                }
                flags.add(name);
            } else {
                throw CliException.usage("unknown option '" + arg + "'");
            }
        }
        return new Args(values, flags, List.copyOf(positionals));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> CliException.usage(name + " is required"));
    }

    /** A duration such as {@code 10s}, {@code 2 min}, {@code 500ms}; a bare number is millis. */
    Duration duration(String name, Duration defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        Duration d;
        try {
            d = TimeUtils.parseDuration(v.get());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(
                    name + " '" + v.get() + "' is not a duration; use e.g. 10s, 2min, 500ms");
        }
        if (d.isNegative()) {
            throw CliException.usage(name + " must not be negative: " + v.get());
        }
        return d;
    }

    /** A whole number of at least 1. */
    Optional<Integer> positiveInt(String name) {
        return value(name).map(v -> parsePositive(name, v));
    }

    static int parsePositive(String what, String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw CliException.usage(what + " must be a whole number of at least 1, got '" + v + "'");
    }

    List<String> positionals() {
        return positionals;
    }

    /** Fails unless there are exactly {@code n} positional arguments, named in the message. */
    void expectPositionals(int n, String what) {
        if (positionals.size() != n) {
            throw CliException.usage(
                    n == 0
                            ? "unexpected argument '" + positionals.get(0) + "'"
                            : "expected " + what + ", got " + positionals);
        }
    }
}
