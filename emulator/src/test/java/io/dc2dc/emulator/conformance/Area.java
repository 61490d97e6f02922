package io.dc2dc.emulator.conformance;

/**
 * Endpoint areas of the conformance report. Areas marked {@code emulatedLater} are not served by
 * the emulator yet: their replays are skipped ("not emulated yet") while the emulator answers 404
 * with errorNum 404 for their paths, and start to count as soon as it serves them.
 */
enum Area {
    SERVER("version, engine, endpoints, status", false),
    DATABASES("databases", false),
    COLLECTIONS("collections", false),
    SHARDS("shards and responsibleShard (cluster)", false),
    DOCUMENTS("documents", false),
    TRANSACTIONS("stream transactions", false),
    WAL("WAL access and logger-state (DB-server)", false),
    INDEXES("indexes", true),
    VIEWS("views", true),
    ANALYZERS("analyzers", true),
    GRAPHS("gharial graphs", true),
    USERS("users and permissions", true),
    AQL_FUNCTIONS("AQL user functions", true);

    private final String title;
    private final boolean emulatedLater;

    Area(String title, boolean emulatedLater) {
        this.title = title;
        this.emulatedLater = emulatedLater;
    }

    String title() {
        return title;
    }

    boolean emulatedLater() {
        return emulatedLater;
    }
}
