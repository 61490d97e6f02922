package io.dc2dc.emulator.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates {@code shared/recorded-examples}: beside the project clone ({@code <project>/../shared}),
 * where CI puts it; surefire runs with {@code user.dir} = the emulator module, whose parent is the
 * project root. System property {@code dc2dc.recordedExamples} overrides the location.
 */
final class RecordedExamples {

    static final String PROPERTY = "dc2dc.recordedExamples";

    private RecordedExamples() {}

    static Path root() {
        String override = System.getProperty(PROPERTY);
        Path root =
                override != null
                        ? Path.of(override)
                        : Path.of(System.getProperty("user.dir"))
                                .toAbsolutePath()
                                .getParent()
                                .resolveSibling("shared")
                                .resolve("recorded-examples");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(
                    "recorded examples not found at "
                            + root
                            + " (expected ../shared/recorded-examples beside the project, or -D"
                            + PROPERTY
                            + "=<dir>)");
        }
        return root;
    }

    static Path file(String id) {
        return root().resolve(id);
    }

    /** Parses a transcript; {@code docs-quoted} files through {@link QuotedTranscript}. */
    static Transcript load(String id) {
        try {
            Path file = file(id);
            if (id.startsWith(QuotedTranscript.DIR + "/")) {
                return QuotedTranscript.parse(
                        file.getFileName().toString(), Files.readString(file));
            }
            return TranscriptParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every transcript file, as {@code dir/file} ids, sorted. */
    static List<String> allIds() {
        try (Stream<Path> files = Files.walk(root(), 2)) {
            return files.filter(p -> p.toString().endsWith(".txt"))
                    .map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
