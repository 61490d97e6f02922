package io.dc2dc.emulator.api;

import io.dc2dc.emulator.api.meta.MetaApis;
import io.dc2dc.emulator.http.Node;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.http.ServerRole;
import io.dc2dc.emulator.storage.DbServer;
import java.util.Map;

/**
 * The one place where API areas are registered on the coordinator and DB-server routers. To add an
 * area (indexes, views, analyzers, …), write a class with a {@code register(Router)} method and add
 * it here.
 */
public final class Apis {
    private Apis() {}

    /** Routes of a coordinator; {@code dbServers} are used for {@code DBserver=} forwarding. */
    public static Router coordinator(
            ApiContext ctx, String serverId, String endpoint, Map<String, Node> dbServers) {
        Router r = new Router();
        new AdminApi(ctx).register(r, ServerRole.COORDINATOR, serverId, endpoint);
        new ClusterApi(ctx).registerCoordinator(r);
        new SupportInfoApi(ctx).register(r);
        new AuthApi(ctx).register(r);
        new DatabaseApi(ctx).register(r);
        new CollectionApi(ctx).register(r);
        new DocumentApi(ctx).register(r);
        new TransactionApi(ctx).register(r);
        new ReplicationApi(ctx, dbServers).register(r);
        new RestoreDataApi(ctx).register(r);
        WalApi.registerCoordinator(r);
        new FaultApi(ctx).register(r);
        MetaApis.registerCoordinator(r, ctx);
        return r;
    }

    /** Routes of a DB-server. */
    public static Router dbServer(ApiContext ctx, DbServer server) {
        Router r = new Router();
        new AdminApi(ctx).register(r, ServerRole.DBSERVER, server.id(), server.endpoint());
        new ClusterApi(ctx).registerDbServer(r);
        new DbServerReplicationApi(ctx, server).register(r);
        new WalApi(ctx, server).register(r);
        new KeysApi(ctx, server).register(r);
        new DbServerDataApi(ctx, server).register(r);
        return r;
    }
}
