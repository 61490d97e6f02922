package io.dc2dc.source.enumerator;

import java.util.Set;

/**
 * The system collections whose documents replicate as data, as a cluster's own replication does:
 * graphs, AQL user functions, Foxx services (metadata and bundles, from which the destination's
 * coordinators install the same services) and Foxx queues and jobs. Users ({@code _users}) and
 * analyzers ({@code _analyzers}) are brought over through their APIs instead, since servers cache
 * them; statistics, {@code _frontend} and the rest are never replicated.
 */
final class SystemCollections {

    private static final Set<String> REPLICATED =
            Set.of("_graphs", "_aqlfunctions", "_apps", "_appbundles", "_queues", "_jobs");

    private SystemCollections() {}

    static boolean replicated(String name) {
        return REPLICATED.contains(name);
    }
}
