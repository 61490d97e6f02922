package io.dc2dc.emulator.wal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replication clients registered on one DB-server by {@code syncerId}/{@code serverId} (tail and
 * batch calls), as arangod's {@code ReplicationClientsProgressTracker}: the WAL keeps every entry
 * an unexpired client has not been served yet. Thread-safe.
 */
public final class ReplicationClients {
    /** arangod's default client TTL (seconds). */
    public static final long DEFAULT_TTL_SECONDS = 7200;

    private record Client(
            String syncerId,
            String serverId,
            String clientInfo,
            long lastServedTick,
            long timeMillis,
            long expiresMillis) {}

    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();

    /**
     * Registers or refreshes a client. A client without syncerId and serverId is not tracked.
     * {@code servedTick} is the tick the client has fully received (the {@code from} it sent).
     */
    public void track(String syncerId, String serverId, String clientInfo, long servedTick) {
        String sid = blankToNull(syncerId);
        String srv = blankToNull(serverId);
        if ((sid == null || sid.equals("0")) && (srv == null || srv.equals("0"))) {
            return;
        }
        String key = sid != null && !sid.equals("0") ? "syncer:" + sid : "server:" + srv;
        long now = System.currentTimeMillis();
        clients.compute(
                key,
                (k, old) ->
                        new Client(
                                sid,
                                srv,
                                clientInfo != null
                                        ? clientInfo
                                        : old != null ? old.clientInfo : null,
                                servedTick,
                                now,
                                now + DEFAULT_TTL_SECONDS * 1000));
    }

    /** The smallest tick an unexpired client still needs entries after; MAX if none. */
    public long minServedTick(long nowMillis) {
        long min = Long.MAX_VALUE;
        for (Client c : clients.values()) {
            if (c.expiresMillis > nowMillis) {
                min = Math.min(min, c.lastServedTick);
            }
        }
        return min;
    }

    public void expire(long nowMillis) {
        clients.values().removeIf(c -> c.expiresMillis <= nowMillis);
    }

    public void clear() {
        clients.clear();
    }

    /** The {@code clients} array of {@code logger-state}. */
    public ArrayNode describe() {
        ArrayNode out = Json.array();
        for (Client c : clients.values()) {
            ObjectNode o = out.addObject();
            o.put("syncerId", c.syncerId == null ? "" : c.syncerId);
            o.put("serverId", c.serverId == null ? "" : c.serverId);
            o.put("clientInfo", c.clientInfo == null ? "" : c.clientInfo);
            o.put("time", iso(c.timeMillis));
            o.put("expires", iso(c.expiresMillis));
            o.put("lastServedTick", Long.toUnsignedString(c.lastServedTick));
        }
        return out;
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
