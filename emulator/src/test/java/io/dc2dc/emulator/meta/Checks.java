package io.dc2dc.emulator.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.Http.Answer;

/** Assertions on ArangoDB answers shared by the metadata API tests. */
final class Checks {
    private Checks() {}

    /** A successful answer with this status; returns its JSON body. */
    static JsonNode ok(Answer a, int status) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        return a.json();
    }

    /** ArangoDB's error envelope with this status and error number; returns the message. */
    static String error(Answer a, int status, int errorNum) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        JsonNode j = a.json();
        assertThat(j.path("error").asBoolean()).as(a.toString()).isTrue();
        assertThat(j.path("code").asInt()).as(a.toString()).isEqualTo(status);
        assertThat(j.path("errorNum").asInt()).as(a.toString()).isEqualTo(errorNum);
        return j.path("errorMessage").asText();
    }
}
