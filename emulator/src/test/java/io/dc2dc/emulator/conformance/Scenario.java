package io.dc2dc.emulator.conformance;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One transcript to replay: the setup that recreates the example's server state, the cleanup, the
 * pairing of recorded responses with requests, and the tolerated differences. Built once in a
 * scenario catalog, immutable afterwards.
 *
 * <pre>
 * Scenario.of("RestDocumentHandlerReadDocument.txt", Area.DOCUMENTS)
 *     .setup(ctx -&gt; ...)
 *     .cleanup(f -&gt; f.dropCollection("products"))
 * </pre>
 */
final class Scenario {

    /** Recreates the example's state and binds recorded values; may abort the test. */
    @FunctionalInterface
    interface Setup {
        void run(ReplayContext ctx) throws Exception;
    }

    /** Removes what the setup and the replayed requests created; best effort. */
    @FunctionalInterface
    interface Cleanup {
        void run(Fixture fixture) throws Exception;
    }

    static final String DEFAULT_DIR = "docs-hugo-3.12";

    final String id;
    final Area area;
    private Supplier<Transcript> transcript;
    private Setup setup = ctx -> {};
    private Cleanup cleanup = f -> {};
    private int[] logged;
    private String knownEmulatorDifference;
    final ShapeRules rules = new ShapeRules();

    private Scenario(String id, Area area) {
        this.id = id;
        this.area = area;
        this.transcript = () -> RecordedExamples.load(id);
    }

    /** A scenario for {@code docs-hugo-3.12/<file>}. */
    static Scenario of(String file, Area area) {
        return new Scenario(DEFAULT_DIR + "/" + file, area);
    }

    /** A scenario for {@code docs-quoted/<file>} (see {@link QuotedTranscript}). */
    static Scenario quoted(String file, Area area) {
        return new Scenario(QuotedTranscript.DIR + "/" + file, area);
    }

    /**
     * A check no recording exists for: {@code expected} is built from a recorded response (its
     * header set and envelope) with the documented status and errorNum; see {@link
     * DerivedScenarios}.
     */
    static Scenario derived(String name, Area area, Supplier<Transcript> expected) {
        Scenario s = new Scenario("derived/" + name, area);
        s.transcript = expected;
        return s;
    }

    /** The transcript to replay: the recorded file, or the derived expectation. */
    Transcript transcript() {
        return transcript.get();
    }

    Scenario setup(Setup setup) {
        this.setup = setup;
        return this;
    }

    Scenario cleanup(Cleanup cleanup) {
        this.cleanup = cleanup;
        return this;
    }

    /**
     * Which request produced each recorded response, when the script did not log every request:
     * {@code logged(0, 2, 3, 4)} pairs response 0 with request 0, response 1 with request 2, ...
     */
    Scenario logged(int... requestIndexes) {
        this.logged = requestIndexes.clone();
        return this;
    }

    /**
     * Marks a difference that is clearly the emulator's bug, reported to its owner: the replay is
     * then skipped with {@code emulator: <difference>} while it still differs, and fails once it
     * conforms (so the mark gets removed).
     */
    Scenario knownEmulatorDifference(String difference) {
        this.knownEmulatorDifference = difference;
        return this;
    }

    String knownEmulatorDifference() {
        return knownEmulatorDifference;
    }

    Scenario rules(Consumer<ShapeRules> configure) {
        configure.accept(rules);
        return this;
    }

    Setup setup() {
        return setup;
    }

    Cleanup cleanup() {
        return cleanup;
    }

    /** Request index for each recorded response of {@code t}; identity when counts match. */
    int[] responseRequests(Transcript t) {
        int[] pairing = logged;
        if (pairing == null) {
            if (t.responses().size() != t.requests().size()) {
                throw new IllegalStateException(
                        id
                                + ": "
                                + t.requests().size()
                                + " requests but "
                                + t.responses().size()
                                + " responses; declare logged(...)");
            }
            pairing = java.util.stream.IntStream.range(0, t.requests().size()).toArray();
        }
        if (pairing.length != t.responses().size()
                || Arrays.stream(pairing).anyMatch(i -> i < 0 || i >= t.requests().size())) {
            throw new IllegalStateException(
                    id + ": logged" + Arrays.toString(pairing) + " does not fit the transcript");
        }
        return pairing;
    }

    @Override
    public String toString() {
        return id.substring(id.indexOf('/') + 1).replace(".txt", "");
    }
}
