package io.dc2dc.emulator.api.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.Json;

/** Response shapes shared by the metadata APIs. Stateless. */
final class Responses {
    private Responses() {}

    /**
     * {@code fields} followed by {@code "code"} and {@code "error"}, as several handlers answer.
     */
    static ApiResponse trailing(int status, ObjectNode fields) {
        ObjectNode out = Json.object();
        out.setAll(fields);
        out.put("code", status);
        out.put("error", false);
        return ApiResponse.json(status, out);
    }

    /** {@code {"error":false,"code":status,"<name>":value}}. */
    static ApiResponse single(int status, String name, JsonNode value) {
        ObjectNode o = Json.object();
        o.set(name, value);
        return ApiResponse.ok(status, o);
    }

    /** The request body as an object; a missing body is 400. */
    static ObjectNode body(ApiRequest req) {
        return Json.requireObject(req.body());
    }

    /** A required query parameter, or 400 with arangod's errorNum. */
    static String requiredParam(ApiRequest req, String name, int errorNum, String message) {
        String v = req.param(name);
        if (v == null || v.isEmpty()) {
            throw new ApiException(400, errorNum, message);
        }
        return v;
    }
}
