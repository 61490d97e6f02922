package io.dc2dc.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.api.FaultControl;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.RequestGate;
import io.dc2dc.emulator.http.ServerRole;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.service.Placement;
import io.dc2dc.emulator.storage.DbServer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The emulator's fault injection: per-request latency and failures (as a {@link RequestGate}
 * consulted by the Jetty handler), DB-server stop/start, leader moves and WAL purges; the same
 * actions are reachable over HTTP through {@link FaultControl}. Thread-safe.
 */
final class FaultInjector implements Faults, RequestGate, FaultControl {
    /** Opens and closes the port of a DB-server. */
    interface Ports {
        void close(String serverId);

        void open(String serverId);
    }

    private record Failure(double share, FailMode mode, FailTarget target) {}

    private final Cluster cluster;
    private final Placement placement;
    private final Ports ports;
    private volatile long latencyNanos;
    private volatile Failure failure = new Failure(0, FailMode.HTTP_503, FailTarget.ANY);

    FaultInjector(Cluster cluster, Placement placement, Ports ports) {
        this.cluster = cluster;
        this.placement = placement;
        this.ports = ports;
    }

    // ------------------------------------------------------------ RequestGate

    @Override
    public Action before(ServerRole role) {
        long nanos = latencyNanos;
        if (nanos > 0) {
            try {
                // the injected delay itself: this is the fault, not a wait for a condition
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Failure f = failure;
        if (f.share <= 0) {
            return Action.PROCEED;
        }
        boolean applies =
                f.target == FailTarget.ANY
                        || (f.target == FailTarget.COORDINATOR && role == ServerRole.COORDINATOR)
                        || (f.target == FailTarget.DBSERVER && role == ServerRole.DBSERVER);
        if (!applies || ThreadLocalRandom.current().nextDouble() >= f.share) {
            return Action.PROCEED;
        }
        return f.mode == FailMode.HTTP_503 ? Action.FAIL_503 : Action.DROP_CONNECTION;
    }

    // ------------------------------------------------------------ Faults

    @Override
    public void stopDbServer(String id) {
        DbServer s = cluster.requireDbServer(id);
        if (!s.running()) {
            return;
        }
        placement.serverStopped(s);
        ports.close(id);
    }

    @Override
    public void startDbServer(String id) {
        DbServer s = cluster.requireDbServer(id);
        if (s.running()) {
            return;
        }
        ports.open(id);
        placement.serverStarted(s);
    }

    @Override
    public void moveShardLeader(String db, String shard, String toServerId) {
        placement.moveLeader(cluster.requireDatabase(db), shard, toServerId);
    }

    @Override
    public void purgeWal(String serverId) {
        cluster.requireDbServer(serverId).purgeAll();
    }

    @Override
    public void latency(Duration d) {
        latencyNanos = d == null || d.isNegative() ? 0 : d.toNanos();
    }

    @Override
    public void failRequests(double share, FailMode mode) {
        failRequests(share, mode, FailTarget.ANY);
    }

    @Override
    public void failRequests(double share, FailMode mode, FailTarget target) {
        if (share < 0 || share > 1 || Double.isNaN(share)) {
            throw new IllegalArgumentException("share must be within 0..1, got " + share);
        }
        failure =
                new Failure(
                        share,
                        mode == null ? FailMode.HTTP_503 : mode,
                        target == null ? FailTarget.ANY : target);
    }

    @Override
    public void reset() {
        latency(Duration.ZERO);
        failRequests(0, FailMode.HTTP_503, FailTarget.ANY);
        for (DbServer s : cluster.dbServers()) {
            if (!s.running()) {
                startDbServer(s.id());
            }
        }
    }

    // ------------------------------------------------------------ FaultControl

    @Override
    public void apply(ObjectNode a) {
        String action = a.path("action").asText("");
        try {
            switch (action) {
                case "stopDbServer" -> stopDbServer(required(a, "server"));
                case "startDbServer" -> startDbServer(required(a, "server"));
                case "moveShardLeader" ->
                        moveShardLeader(
                                a.path("database").asText("_system"),
                                required(a, "shard"),
                                required(a, "server"));
                case "purgeWal" -> purgeWal(required(a, "server"));
                case "latency" -> latency(Duration.ofMillis(a.path("millis").asLong(0)));
                case "failRequests" ->
                        failRequests(
                                a.path("share").asDouble(0),
                                FailMode.valueOf(
                                        a.path("mode").asText("HTTP_503").toUpperCase(Locale.ROOT)),
                                FailTarget.valueOf(
                                        a.path("target").asText("ANY").toUpperCase(Locale.ROOT)));
                case "reset" -> reset();
                default ->
                        throw new ApiException(
                                ErrorCode.HTTP_BAD_PARAMETER,
                                "unknown fault action '" + action + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, e.getMessage());
        }
    }

    private static String required(ObjectNode a, String field) {
        String v = a.path(field).asText("");
        if (v.isEmpty()) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "missing '" + field + "'");
        }
        return v;
    }

    @Override
    public ObjectNode describe() {
        ObjectNode o = Json.object();
        o.put("latencyMillis", latencyNanos / 1_000_000);
        Failure f = failure;
        ObjectNode fail = o.putObject("failRequests");
        fail.put("share", f.share);
        fail.put("mode", f.mode.name());
        fail.put("target", f.target.name());
        ObjectNode servers = o.putObject("dbServers");
        for (DbServer s : cluster.dbServers()) {
            servers.put(s.id(), s.running() ? "running" : "stopped");
        }
        return o;
    }
}
