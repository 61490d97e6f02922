package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dc2dc.arango.http.ArangoClient;

/**
 * A cluster's server mode ({@code GET|PUT /_admin/server/mode} on a coordinator): {@code "default"}
 * or {@code "readonly"}. In read-only mode every write is refused with HTTP 403 / error 1004;
 * switchover uses it to drain the source.
 */
final class ServerMode {

    static final String READ_ONLY = "readonly";
    static final String DEFAULT = "default";
    private static final String PATH = "/_admin/server/mode";

    private ServerMode() {}

    static String get(ArangoClient client) {
        return client.get(null, PATH).path("mode").asText(DEFAULT);
    }

    static void set(ArangoClient client, String mode) {
        client.send("PUT", null, PATH, JsonNodeFactory.instance.objectNode().put("mode", mode));
    }
}
