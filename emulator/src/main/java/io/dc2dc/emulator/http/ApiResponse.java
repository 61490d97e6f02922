package io.dc2dc.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the emulator: status, content type, extra headers and a fully materialised body.
 * The standard ArangoDB header set is added by {@link EmulatorHandler}.
 */
public final class ApiResponse {
    public static final String JSON = "application/json";
    public static final String DUMP = "application/x-arango-dump";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<String[]> headers = new ArrayList<>(4);

    private ApiResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static ApiResponse json(int status, JsonNode node) {
        return new ApiResponse(status, JSON, Json.bytes(node));
    }

    public static ApiResponse json(int status, byte[] json) {
        return new ApiResponse(status, JSON, json);
    }

    public static ApiResponse raw(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, body);
    }

    /** A body-less answer (204, or 200 with nothing to say). */
    public static ApiResponse empty(int status) {
        return new ApiResponse(status, JSON, new byte[0]);
    }

    /** {@code {"error":false,"code":status, ...fields}} in ArangoDB's key order. */
    public static ApiResponse ok(int status, ObjectNode fields) {
        ObjectNode out = Json.object();
        out.put("error", false);
        out.put("code", status);
        out.setAll(fields);
        return json(status, out);
    }

    /** {@code {"error":false,"code":status,"result":result}}. */
    public static ApiResponse result(int status, JsonNode result) {
        ObjectNode out = Json.object();
        out.put("error", false);
        out.put("code", status);
        out.set("result", result);
        return json(status, out);
    }

    public static ApiResponse error(ApiException e) {
        ObjectNode out = Json.object();
        out.put("code", e.status());
        out.put("error", true);
        out.put("errorMessage", e.getMessage());
        out.put("errorNum", e.errorNum());
        return json(e.status(), out);
    }

    public ApiResponse header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public List<String[]> headers() {
        return headers;
    }

    /** The first value of an extra header, for tests and forwarding. */
    public String headerValue(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
