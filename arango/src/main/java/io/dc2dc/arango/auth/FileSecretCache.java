package io.dc2dc.arango.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Process-wide cache of secret files, so that resolving a secret per request costs one {@code stat}
 * instead of a read. An entry is re-read when the file's modification time, size or identity (file
 * key, i.e. device+inode) differs from when it was read. Thread-safe.
 */
final class FileSecretCache {

    private record Stamp(FileTime modified, long size, Object fileKey) {}

    private record Entry(Stamp stamp, byte[] content) {}

    private static final ConcurrentMap<Path, Entry> CACHE = new ConcurrentHashMap<>();

    private FileSecretCache() {}

    /** The current content of the file (a copy). */
    static byte[] read(String file) {
        Path path = Path.of(file).toAbsolutePath();
        try {
            Stamp stamp = stamp(path);
            Entry cached = CACHE.get(path);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.content().clone();
            }
            byte[] content = Files.readAllBytes(path);
            // cached under the stamp taken before reading: if the file changed while we read
            // it, the next call sees a different stamp and reads again
            CACHE.put(path, new Entry(stamp, content));
            return content.clone();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read secret file "
                            + path
                            + " ("
                            + e.getClass().getSimpleName()
                            + "); check that it exists and is readable by the dc2dc process",
                    e);
        }
    }

    private static Stamp stamp(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
    }
}
