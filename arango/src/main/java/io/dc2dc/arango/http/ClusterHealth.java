package io.dc2dc.arango.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servers of a cluster by id, from {@code GET /_admin/cluster/health}.
 *
 * <pre>{"PRMR-7f3a": ServerHealth("DBServer", "http://10.0.0.5:8530", "GOOD"),
 *  "CRDN-91c2": ServerHealth("Coordinator", "http://10.0.0.4:8529", "GOOD"), ...}</pre>
 */
public record ClusterHealth(Map<String, ServerHealth> servers) {

    public ClusterHealth {
        servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
    }

    /** The DB-servers (ids {@code PRMR-...}), in the order the server listed them. */
    public Map<String, ServerHealth> dbServers() {
        Map<String, ServerHealth> out = new LinkedHashMap<>();
        servers.forEach(
                (id, h) -> {
                    if (h.isDbServer()) {
                        out.put(id, h);
                    }
                });
        return out;
    }
}
