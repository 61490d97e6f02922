package io.dc2dc.emulator.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty produces itself (malformed requests, oversized headers) as ArangoDB's JSON error
 * envelope instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    static byte[] envelope(int status, String message) {
        String msg = message == null || message.isBlank() ? "bad request" : message;
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"code\":").append(status).append(",\"error\":true,\"errorMessage\":");
        Json.appendQuoted(sb, msg);
        sb.append(",\"errorNum\":").append(status).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback)
            throws IOException {
        byte[] body = envelope(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        response.getHeaders().put("server", "ArangoDB");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        fields.put("server", "ArangoDB");
        return ByteBuffer.wrap(envelope(status, reason));
    }
}
