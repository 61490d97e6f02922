package io.dc2dc.arango.http;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.error.ErrorContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DB-server id → base URL, learnt from {@code /_admin/cluster/health} on first use and again
 * whenever an unknown id is asked for or a server could not be reached (it may have moved).
 * Thread-safe: lookups read an immutable map; refreshes are serialised.
 */
final class DbServerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DbServerDirectory.class);

    private final String cluster;
    private final Supplier<ClusterHealth> health;
    private volatile Map<String, String> urls = Map.of();

    DbServerDirectory(String cluster, Supplier<ClusterHealth> health) {
        this.cluster = cluster;
        this.health = health;
    }

    /** The base URL of {@code serverId}. */
    String url(String serverId, ErrorContext context) {
        String url = urls.get(serverId);
        if (url != null) {
            return url;
        }
        synchronized (this) {
            url = urls.get(serverId);
            if (url == null) {
                refresh();
                url = urls.get(serverId);
            }
        }
        if (url == null) {
            throw ArangoException.client(
                    cluster,
                    "DB-server "
                            + serverId
                            + " is not listed with an endpoint in /_admin/cluster/health",
                    context,
                    false);
        }
        return url;
    }

    /** Forgets {@code serverId}'s URL so that the next call looks it up again. */
    void invalidate(String serverId) {
        synchronized (this) {
            if (urls.containsKey(serverId)) {
                Map<String, String> copy = new HashMap<>(urls);
                copy.remove(serverId);
                urls = Map.copyOf(copy);
            }
        }
    }

    private void refresh() {
        Map<String, String> fresh = new HashMap<>();
        health.get()
                .dbServers()
                .forEach(
                        (id, h) -> {
                            if (h.endpoint() != null) {
                                fresh.put(id, h.endpoint());
                            }
                        });
        LOG.debug("[{}] DB-server endpoints: {}", cluster, fresh);
        urls = Map.copyOf(fresh);
    }
}
