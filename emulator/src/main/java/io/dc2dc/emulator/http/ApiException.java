package io.dc2dc.emulator.http;

/**
 * An ArangoDB error answer: HTTP status, error number and message, rendered as the standard error
 * envelope {@code {"code","error","errorMessage","errorNum"}}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final int errorNum;

    public ApiException(int status, int errorNum, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorNum = errorNum;
    }

    public ApiException(ErrorCode code) {
        this(code.status(), code.num(), code.message());
    }

    public ApiException(ErrorCode code, String message) {
        this(code.status(), code.num(), message);
    }

    /** The same error number with a non-default HTTP status. */
    public ApiException(ErrorCode code, int status, String message) {
        this(status, code.num(), message);
    }

    public int status() {
        return status;
    }

    public int errorNum() {
        return errorNum;
    }

    public static ApiException notFound(String path) {
        return new ApiException(404, 404, "unknown path '" + path + "'");
    }

    public static ApiException dataSourceNotFound(String name) {
        return new ApiException(
                ErrorCode.DATA_SOURCE_NOT_FOUND,
                ErrorCode.DATA_SOURCE_NOT_FOUND.message() + ": " + name);
    }

    public static ApiException badParameter(String message) {
        return new ApiException(ErrorCode.HTTP_BAD_PARAMETER, message);
    }
}
