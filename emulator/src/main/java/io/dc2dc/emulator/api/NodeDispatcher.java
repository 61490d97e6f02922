package io.dc2dc.emulator.api;

import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Node;
import io.dc2dc.emulator.http.Principal;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.http.ServerRole;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The request pipeline of one node: authentication, database lookup (404/1228), database access,
 * the coordinator's read-only mode, then the node's {@link Router}. Adds {@code www-authenticate}
 * to 401 answers like arangod.
 */
public final class NodeDispatcher implements Node {
    static final String WWW_AUTHENTICATE = "Bearer token_type=\"JWT\", realm=\"ArangoDB\"";

    /** Paths that keep working in read-only mode (besides reads). */
    private static final List<String> READ_ONLY_ALLOWED =
            List.of(
                    "/_admin/server/mode",
                    "/_open/",
                    "/_emulator/",
                    "/_api/replication/",
                    "/_api/wal/",
                    "/_api/transaction");

    private final String serverId;
    private final ServerRole role;
    private final BooleanSupplier serving;
    private final Router router;
    private final ApiContext ctx;

    public NodeDispatcher(
            String serverId,
            ServerRole role,
            BooleanSupplier serving,
            Router router,
            ApiContext ctx) {
        this.serverId = serverId;
        this.role = role;
        this.serving = serving;
        this.router = router;
        this.ctx = ctx;
    }

    @Override
    public String serverId() {
        return serverId;
    }

    @Override
    public ServerRole role() {
        return role;
    }

    @Override
    public boolean serving() {
        return serving.getAsBoolean();
    }

    @Override
    public ApiResponse dispatch(ApiRequest req) {
        try {
            return route(req);
        } catch (ApiException e) {
            ApiResponse out = ApiResponse.error(e);
            if (e.status() == 401 && req.header("x-omit-www-authenticate") == null) {
                out.header("www-authenticate", WWW_AUTHENTICATE);
            }
            return out;
        }
    }

    private ApiResponse route(ApiRequest req) {
        String path = req.path();
        boolean open = path.startsWith("/_open/") || path.startsWith("/_emulator/");
        if (!open && !req.method().equals("OPTIONS")) {
            req.principal(ctx.authenticator().authenticate(req.header("authorization"), role));
        }
        if (!open && ctx.cluster().database(req.database()) == null) {
            throw new ApiException(ErrorCode.DATABASE_NOT_FOUND);
        }
        Principal p = req.principal();
        if (!open && !p.superuser() && "none".equals(ctx.access(req, req.database()))) {
            throw new ApiException(ErrorCode.HTTP_UNAUTHORIZED);
        }
        if (role == ServerRole.COORDINATOR
                && ctx.cluster().readOnly()
                && !req.isRead()
                && !p.superuser()
                && !readOnlyAllowed(req)) {
            throw new ApiException(ErrorCode.READ_ONLY);
        }
        return router.dispatch(req);
    }

    private static boolean readOnlyAllowed(ApiRequest req) {
        String path = req.path();
        for (String prefix : READ_ONLY_ALLOWED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return path.startsWith("/_api/document/") && req.boolParam("onlyget", false);
    }
}
