package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.CoordinatorInfo;
import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.model.Shard;
import io.dc2dc.emulator.storage.DbServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /_admin/support-info} of a coordinator (§1.7): the deployment's servers with id,
 * alias, endpoint and role, and shard statistics. Process figures are this JVM's.
 */
final class SupportInfoApi {
    private final ApiContext ctx;

    SupportInfoApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.get("/_admin/support-info", this::supportInfo);
    }

    private ApiResponse supportInfo(ApiRequest req) {
        ctx.requireAdmin(req);
        ObjectNode dep = Json.object();
        dep.put("type", "cluster");
        ObjectNode servers = dep.putObject("servers");
        for (CoordinatorInfo c : ctx.cluster().coordinators()) {
            server(servers.putObject(c.id()), c.id(), c.shortName(), c.endpoint(), "COORDINATOR");
        }
        for (DbServer s : ctx.cluster().dbServers()) {
            ObjectNode o =
                    server(
                            servers.putObject(s.id()),
                            s.id(),
                            s.shortName(),
                            s.endpoint(),
                            "PRIMARY");
            ObjectNode engine = o.putObject("engineStats");
            engine.put("cache.limit", 0);
            engine.put("cache.allocated", 0);
            engine.put("rocksdb.estimate-num-keys", s.wal().end() - s.wal().first());
            engine.put("rocksdb.estimate-live-data-size", 0);
            engine.put("rocksdb.live-sst-files-size", 0);
            engine.put("rocksdb.block-cache-capacity", 0);
            engine.put("rocksdb.block-cache-usage", 0);
            engine.put("rocksdb.free-disk-space", 0);
            engine.put("rocksdb.total-disk-space", 0);
        }
        dep.put("agents", 0);
        dep.put("coordinators", ctx.cluster().coordinators().size());
        dep.put("dbServers", ctx.cluster().dbServers().size());
        ObjectNode shards = dep.putObject("shards");
        int databases = 0;
        int collections = 0;
        int shardCount = 0;
        int followers = 0;
        Set<String> leaders = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (Database db : ctx.cluster().databases()) {
            databases++;
            for (ClusterCollection c : db.collections()) {
                collections++;
                for (Shard s : c.shards()) {
                    shardCount++;
                    followers += s.plan().size() - 1;
                    leaders.add(s.leader());
                    used.addAll(s.plan());
                }
            }
        }
        shards.put("databases", databases);
        shards.put("collections", collections);
        shards.put("shards", shardCount);
        shards.put("leaders", shardCount);
        shards.put("realLeaders", leaders.size());
        shards.put("followers", followers);
        shards.put("servers", used.size());
        ObjectNode out = Json.object();
        out.set("deployment", dep);
        out.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return ApiResponse.json(200, out);
    }

    private ObjectNode server(ObjectNode o, String id, String alias, String endpoint, String role) {
        Runtime rt = Runtime.getRuntime();
        o.put("id", id);
        o.put("alias", alias);
        o.put("endpoint", endpoint);
        o.put("role", role);
        o.put("maintenance", false);
        o.put("readOnly", ctx.cluster().readOnly());
        o.put("version", ctx.cluster().version());
        o.put("build", "emulated");
        o.put("license", "enterprise");
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        o.put("platform", "linux");
        ObjectNode mem = o.putObject("physicalMemory");
        mem.put("value", rt.maxMemory());
        mem.put("overridden", false);
        ObjectNode cores = o.putObject("numberOfCores");
        cores.put("value", rt.availableProcessors());
        cores.put("overridden", false);
        ObjectNode proc = o.putObject("processStats");
        proc.put(
                "processUptime",
                (System.currentTimeMillis()
                                - java.lang.management.ManagementFactory.getRuntimeMXBean()
                                        .getStartTime())
                        / 1000.0);
        proc.put("numberOfThreads", Thread.activeCount());
        proc.put("virtualSize", rt.totalMemory());
        proc.put("residentSetSize", rt.totalMemory() - rt.freeMemory());
        proc.put("fileDescrtors", 0);
        proc.put("fileDescrtorsLimit", 0);
        ObjectNode cpu = o.putObject("cpuStats");
        cpu.put("userPercent", 0.0);
        cpu.put("systemPercent", 0.0);
        cpu.put("idlePercent", 100.0);
        cpu.put("iowaitPercent", 0.0);
        return o;
    }
}
