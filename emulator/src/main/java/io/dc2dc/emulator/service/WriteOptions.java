package io.dc2dc.emulator.service;

/**
 * Query options of a document write ({@code overwriteMode}, {@code keepNull}, {@code mergeObjects},
 * {@code isRestore}, {@code ignoreRevs}) plus a single-document {@code If-Match} revision.
 */
public record WriteOptions(
        OverwriteMode overwriteMode,
        boolean keepNull,
        boolean mergeObjects,
        boolean isRestore,
        boolean ignoreRevs,
        String ifMatch) {

    /** What an insert does when the key exists already. */
    public enum OverwriteMode {
        CONFLICT,
        IGNORE,
        REPLACE,
        UPDATE
    }

    public static WriteOptions defaults() {
        return new WriteOptions(OverwriteMode.CONFLICT, true, true, false, true, null);
    }
}
