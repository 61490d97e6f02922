package io.dc2dc.arango.http;

/**
 * What {@code GET /_api/version?details=true} says about a server.
 *
 * <pre>VersionInfo("arango", "3.12.4", "enterprise", "COORDINATOR")</pre>
 *
 * @param role {@code SINGLE}, {@code COORDINATOR}, {@code PRIMARY} (DB-server), {@code AGENT}; null
 *     if the server did not report details
 */
public record VersionInfo(String server, String version, String license, String role) {

    /** The major version number, or -1 if the version string cannot be read. */
    public int major() {
        return part(0);
    }

    /** The minor version number, or -1 if the version string cannot be read. */
    public int minor() {
        return part(1);
    }

    private int part(int index) {
        if (version == null) {
            return -1;
        }
        String[] parts = version.split("[.\\-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
