package io.dc2dc.arango.http;

import io.dc2dc.arango.error.ErrorContext;
import org.apache.hc.core5.http.HttpEntity;

/**
 * One request to make: to a coordinator ({@code dbServer == null}) or to a DB-server by id.
 *
 * @param path path and query, already encoded (see {@link ApiPath})
 * @param body request entity or null
 * @param accept value of the {@code Accept} header
 * @param context what the request is about, for error messages
 */
record Call(
        String dbServer,
        String method,
        String path,
        HttpEntity body,
        String accept,
        ErrorContext context) {

    static final String JSON = "application/json";
    static final String DUMP = "application/x-arango-dump";

    static Call coordinator(String method, ApiPath path, ErrorContext context) {
        return new Call(null, method, path.toString(), null, JSON, context);
    }

    static Call dbServer(String serverId, String method, ApiPath path, ErrorContext context) {
        return new Call(serverId, method, path.toString(), null, JSON, context);
    }

    Call withBody(HttpEntity entity) {
        return new Call(dbServer, method, path, entity, accept, context);
    }

    Call accepting(String mediaType) {
        return new Call(dbServer, method, path, body, mediaType, context);
    }
}
