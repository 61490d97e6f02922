package io.dc2dc.emulator.http;

/** One emulated cluster node behind its own port: a coordinator or a DB-server. */
public interface Node {
    String serverId();

    ServerRole role();

    /** False while the node is stopped by fault injection: its port refuses requests. */
    boolean serving();

    /** Authenticates, routes and answers one request; throws {@link ApiException} for errors. */
    ApiResponse dispatch(ApiRequest request);
}
