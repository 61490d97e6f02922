package io.dc2dc.job.cli;

import io.dc2dc.job.config.ClusterOptions;
import io.dc2dc.job.config.SyncOptions;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.YamlParserUtils;

/**
 * Reads a replication's configuration file ({@code .yaml}/{@code .yml} like Flink's config.yaml,
 * nested or flat keys; or {@code .properties}) into a {@link JobSpec}. Keys under {@code source.},
 * {@code destination.}, {@code sync.} and {@code sink.} are dc2dc options and must be known ones (a
 * typo is an error, not a silently ignored setting); every other key is a Flink setting for this
 * job.
 *
 * <pre>
 * source:
 *   endpoints: [http://coordinator-a1:8529, http://coordinator-a2:8529]
 *   jwt-secret-file: /etc/dc2dc/source.jwt
 * destination.endpoints: http://coordinator-b1:8529
 * sync.poll-interval: 100 ms
 * execution.checkpointing.interval: 10 s
 * </pre>
 */
final class ConfigFile {

    private static final List<String> JOB_PREFIXES =
            List.of("source.", "destination.", "sync.", "sink.");

    private static final String TAGS_KEY = PipelineOptions.GLOBAL_JOB_PARAMETERS.key();

    private ConfigFile() {}

    static JobSpec load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("configuration file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> flat;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            flat = readYaml(file);
        } else if (name.endsWith(".properties")) {
            flat = readProperties(file);
        } else {
            throw CliException.usage(
                    "configuration file " + file + ": use a .yaml, .yml or .properties file");
        }
        return split(flat, file.toString());
    }

    /** Sorts flat keys into dc2dc options and Flink settings, rejecting unknown dc2dc keys. */
    static JobSpec split(Map<String, String> flat, String where) {
        Map<String, String> job = new LinkedHashMap<>();
        Map<String, String> flink = new LinkedHashMap<>();
        Set<String> known = knownJobKeys();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String key = e.getKey();
            if (JOB_PREFIXES.stream().anyMatch(key::startsWith)) {
                if (!known.contains(key)) {
                    throw CliException.usage(where + ": unknown option '" + key + "'" + hint(key));
                }
                job.put(key, e.getValue());
            } else if (key.equals(TAGS_KEY) || key.startsWith(TAGS_KEY + ".")) {
                throw CliException.usage(
                        where
                                + ": "
                                + TAGS_KEY
                                + " is set by dc2dc itself (it tags the job with its source and"
                                + " destination); remove it");
            } else {
                flink.put(key, e.getValue());
            }
        }
        return new JobSpec(job, flink);
    }

    private static String hint(String key) {
        if (key.endsWith(".password") || key.endsWith(".jwt-secret") || key.endsWith(".secret")) {
            return ": secrets are never values in the configuration; name a file or an"
                    + " environment variable with "
                    + key
                    + "-file or "
                    + key
                    + "-env";
        }
        String prefix = key.substring(0, key.indexOf('.') + 1);
        return "; known "
                + prefix
                + "* options: "
                + knownJobKeys().stream()
                        .filter(k -> k.startsWith(prefix))
                        .collect(Collectors.joining(", "));
    }

    /** Every dc2dc option key, read from the option classes so that new options need no edit. */
    static Set<String> knownJobKeys() {
        Set<String> keys = new TreeSet<>();
        for (Object holder : List.of(ClusterOptions.SOURCE, ClusterOptions.DESTINATION)) {
            collect(holder.getClass(), holder, false, keys);
        }
        collect(SyncOptions.class, null, true, keys);
        return keys;
    }

    private static void collect(Class<?> type, Object holder, boolean statics, Set<String> keys) {
        for (Field f : type.getFields()) {
            if (ConfigOption.class.isAssignableFrom(f.getType())
                    && Modifier.isStatic(f.getModifiers()) == statics) {
                try {
                    keys.add(((ConfigOption<?>) f.get(holder)).key());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Map<String, String> readYaml(Path file) {
        Map<String, Object> tree;
        try {
            tree = YamlParserUtils.loadYamlFile(file.toFile());
        } catch (Exception e) {
            throw CliException.usage("configuration file " + file + " is not valid YAML: " + e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree == null ? Map.of() : tree, flat, file);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> node, Map<String, String> out, Path file) {
        for (Map.Entry<?, ?> e : node.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                flatten(key + ".", m, out, file);
            } else if (v == null) {
                throw CliException.usage("configuration file " + file + ": " + key + " is empty");
            } else if (v instanceof List<?> list) {
                // Flink's list syntax: items separated by ';' (endpoints are lists)
                out.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(";")));
            } else {
                out.put(key, String.valueOf(v));
            }
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw CliException.usage("cannot read configuration file " + file + ": " + e);
        }
        // Properties forget the order; sorted keys keep the program arguments stable
        Map<String, String> flat = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> flat.put(k.trim(), p.getProperty(k).trim()));
        return flat;
    }

    /** Writes {@code spec} as a properties file (used for the reverse direction). */
    static void writeProperties(JobSpec spec, Path file, String comment) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        Map<String, String> all = new LinkedHashMap<>(spec.jobOptions());
        all.putAll(spec.flinkOptions());
        all.forEach(
                (k, v) ->
                        sb.append(escapeKey(k))
                                .append(" = ")
                                .append(v.replace("\\", "\\\\"))
                                .append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String escapeKey(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || c == ' ') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
