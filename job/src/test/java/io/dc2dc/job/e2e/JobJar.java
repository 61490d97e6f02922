package io.dc2dc.job.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Assembles the job jar that {@code scripts/dc2dc} uploads, from the test's own classpath, with the
 * content of the shade plugin's {@code -job.jar}: the classes of the job, arango, sources and sinks
 * modules plus their third-party runtime dependencies (HttpClient 5, Jackson, java-jwt); Flink,
 * SLF4J and log4j come from the cluster. Surefire runs the ITCases before the {@code package}
 * phase, so in {@code mvn verify} from a clean clone the shaded jar does not exist yet.
 */
final class JobJar {

    /** The project modules whose classes the job jar carries. */
    private static final List<String> MODULES = List.of("job", "arango", "sources", "sinks");

    /** Path fragments (in the local Maven repository) of the job's third-party dependencies. */
    private static final List<String> DEPENDENCIES =
            List.of("/com/fasterxml/jackson/", "/org/apache/httpcomponents/", "/com/auth0/");

    private JobJar() {}

    /** Writes the jar to {@code target} and returns it. */
    static Path assemble(Path target) {
        List<Path> entries = new ArrayList<>();
        // surefire's booter may hide the test classpath behind a manifest-only jar
        String classpath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        for (String element : classpath.split(File.pathSeparator)) {
            Path p = Path.of(element);
            if (module(element) != null || isDependency(element)) {
                entries.add(p);
            }
        }
        if (entries.stream().map(p -> module(p.toString())).filter(m -> m != null).count()
                != MODULES.size()) {
            throw new IllegalStateException(
                    "expected the classes of " + MODULES + " on the classpath, found " + entries);
        }
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    addDirectory(entry, out, written);
                } else {
                    addJar(entry, out, written);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * The project module a classpath element holds: its {@code target/classes} or its jar ({@code
     * dc2dc-<module>-<version>.jar}, in {@code target/} when the reactor packaged it, or in the
     * local repository when only the job module is built); null for anything else.
     */
    private static String module(String element) {
        String unix = element.replace(File.separatorChar, '/');
        String file = unix.substring(unix.lastIndexOf('/') + 1);
        for (String m : MODULES) {
            if (unix.endsWith("/" + m + "/target/classes")
                    || (file.startsWith("dc2dc-" + m + "-")
                            && file.endsWith(".jar")
                            && !file.endsWith("-tests.jar"))) {
                return m;
            }
        }
        return null;
    }

    private static boolean isDependency(String element) {
        String unix = element.replace(File.separatorChar, '/');
        return unix.endsWith(".jar") && DEPENDENCIES.stream().anyMatch(unix::contains);
    }

    private static void addDirectory(Path dir, ZipOutputStream out, Set<String> written)
            throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(f).toString().replace(File.separatorChar, '/');
                if (written.add(name)) {
                    out.putNextEntry(new ZipEntry(name));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static void addJar(Path jar, ZipOutputStream out, Set<String> written)
            throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || skipped(name) || !written.add(name)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** Signatures would not match the merged jar; module descriptors do not belong in it. */
    private static boolean skipped(String name) {
        return name.startsWith("META-INF/")
                        && (name.endsWith(".SF") || name.endsWith(".DSA") || name.endsWith(".RSA"))
                || name.endsWith("module-info.class");
    }
}
