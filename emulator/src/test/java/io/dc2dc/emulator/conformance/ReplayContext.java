package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/**
 * What a scenario's setup works with: the fixture to build state, the transcript to read recorded
 * values from, the bindings that map recorded values to actual ones, and where the recorded
 * requests go (the coordinator unless the setup picks a DB-server). One per replay.
 */
final class ReplayContext {

    final Fixture fixture;
    final Transcript transcript;
    final Bindings bindings = new Bindings();
    private URI base;
    private Optional<String> authorization;

    ReplayContext(Fixture fixture, Transcript transcript, URI coordinator, Optional<String> auth) {
        this.fixture = fixture;
        this.transcript = transcript;
        this.base = coordinator;
        this.authorization = auth;
    }

    /** Shorthand for {@code bindings.bind(recorded, actual)}. */
    void bind(String recorded, String actual) {
        bindings.bind(recorded, actual);
    }

    /** The last path segment of recorded request {@code index} (usually a document key or id). */
    String recordedKey(int index) {
        return transcript.request(index).lastPathSegment();
    }

    /** Recorded header value without its quotes, e.g. the revision in {@code If-Match}. */
    String recordedRevisionHeader(int index, String header) {
        return transcript.request(index).header(header).orElseThrow().replace("\"", "");
    }

    /** The JSON body of recorded request {@code index}. */
    JsonNode recordedBody(int index) {
        return TranscriptParser.parseJsonValues(transcript.request(index).body()).get(0);
    }

    /** Sends the recorded requests to a DB-server (superuser JWT) instead of the coordinator. */
    void replayOnDbServer(URI dbServer) {
        this.base = dbServer;
        this.authorization = fixture.dbServerAuthorization();
    }

    URI base() {
        return base;
    }

    Optional<String> authorization() {
        return authorization;
    }
}
