package io.dc2dc.emulator.api.meta;

import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.http.Router;

/**
 * Registers the coordinator's metadata API areas: indexes, views, analyzers, named graphs
 * (gharial), AQL user functions, users and permissions, and the Foxx service list.
 */
public final class MetaApis {
    private MetaApis() {}

    public static void registerCoordinator(Router r, ApiContext ctx) {
        new IndexApi(ctx).register(r);
        new ViewApi(ctx).register(r);
        new AnalyzerApi(ctx).register(r);
        new GraphApi(ctx).register(r);
        new GraphDocumentApi(ctx).register(r);
        new AqlFunctionApi(ctx).register(r);
        new UserApi(ctx).register(r);
        new FoxxApi(ctx).register(r);
    }
}
