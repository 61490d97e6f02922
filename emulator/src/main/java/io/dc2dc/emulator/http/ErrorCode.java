package io.dc2dc.emulator.http;

/**
 * ArangoDB error numbers the emulator produces, with their default HTTP status and message (taken
 * from arangod's {@code lib/Basics/errors.dat}).
 */
public enum ErrorCode {
    INTERNAL(4, 500, "internal error"),
    BAD_PARAMETER(10, 400, "bad parameter"),
    FORBIDDEN(11, 403, "forbidden"),
    HTTP_BAD_PARAMETER(400, 400, "bad parameter"),
    HTTP_UNAUTHORIZED(401, 401, "not authorized to execute this request"),
    HTTP_FORBIDDEN(403, 403, "forbidden"),
    HTTP_NOT_FOUND(404, 404, "not found"),
    HTTP_METHOD_NOT_ALLOWED(405, 405, "method not supported"),
    HTTP_NOT_IMPLEMENTED(501, 501, "not implemented"),
    HTTP_SERVICE_UNAVAILABLE(503, 503, "service unavailable"),
    CORRUPTED_JSON(600, 400, "invalid JSON object"),
    SUPERFLUOUS_SUFFICES(601, 400, "superfluous URL suffices"),
    READ_ONLY(1004, 403, "read only"),
    CONFLICT(1200, 409, "conflict, _rev values do not match"),
    DOCUMENT_NOT_FOUND(1202, 404, "document not found"),
    DATA_SOURCE_NOT_FOUND(1203, 404, "collection or view not found"),
    DOCUMENT_HANDLE_BAD(1205, 400, "illegal document identifier"),
    DUPLICATE_NAME(1207, 409, "duplicate name"),
    ILLEGAL_NAME(1208, 400, "illegal name"),
    UNIQUE_CONSTRAINT_VIOLATED(1210, 409, "unique constraint violated"),
    DOCUMENT_KEY_BAD(1221, 400, "illegal document key"),
    DOCUMENT_KEY_UNEXPECTED(1222, 400, "unexpected document key"),
    DOCUMENT_TYPE_INVALID(1227, 400, "invalid document type"),
    DATABASE_NOT_FOUND(1228, 404, "database not found"),
    DATABASE_NAME_INVALID(1229, 400, "database name invalid"),
    USE_SYSTEM_DATABASE(1230, 403, "operation only allowed in system database"),
    INVALID_KEY_GENERATOR(1232, 400, "invalid key generator"),
    INVALID_EDGE_ATTRIBUTE(1233, 400, "edge attribute missing or invalid"),
    DOCUMENT_REV_BAD(1239, 400, "illegal document revision"),
    CLUSTER_TIMEOUT(1457, 503, "timeout in cluster operation"),
    CLUSTER_MUST_NOT_SPECIFY_KEY(1466, 400, "must not specify _key for this collection"),
    CLUSTER_MUST_NOT_CHANGE_SHARDING_ATTRIBUTES(
            1469, 400, "must not change the value of a shard key attribute"),
    CLUSTER_UNSUPPORTED(1470, 501, "unsupported operation or parameter for clusters"),
    CLUSTER_ONLY_ON_COORDINATOR(
            1471, 403, "this operation is only valid on a coordinator in a cluster"),
    CLUSTER_ONLY_ON_DBSERVER(1477, 403, "this operation is only valid on a DBserver in a cluster"),
    CLUSTER_BACKEND_UNAVAILABLE(
            1478,
            503,
            "A cluster backend which was required for the operation could not be reached"),
    CLUSTER_UNKNOWN_DISTRIBUTESHARDSLIKE(
            1486,
            400,
            "must not have a distributeShardsLike attribute pointing to an unknown collection"),
    CLUSTER_MUST_NOT_DROP_COLL_OTHER_DISTRIBUTESHARDSLIKE(
            1485,
            400,
            "must not drop collection while another has a distributeShardsLike attribute pointing to it"),
    CLUSTER_INSUFFICIENT_DBSERVERS(
            1487,
            400,
            "the number of current dbservers is lower than the requested replicationFactor"),
    CURSOR_NOT_FOUND(1600, 404, "cursor not found"),
    TRANSACTION_UNREGISTERED_COLLECTION(1652, 400, "unregistered collection used in transaction"),
    TRANSACTION_DISALLOWED_OPERATION(1653, 400, "disallowed operation inside transaction"),
    TRANSACTION_ABORTED(1654, 410, "transaction aborted"),
    TRANSACTION_NOT_FOUND(1655, 404, "transaction not found"),
    USER_DUPLICATE(1702, 409, "duplicate user"),
    USER_NOT_FOUND(1703, 404, "user not found");

    private final int num;
    private final int status;
    private final String message;

    ErrorCode(int num, int status, String message) {
        this.num = num;
        this.status = status;
        this.message = message;
    }

    public int num() {
        return num;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
