package io.dc2dc.emulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The emulator's one shared Jackson setup plus helpers that turn malformed request bodies into
 * ArangoDB's 400/600 answer. Thread-safe.
 */
public final class Json {
    public static final JsonFactory FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    public static final ObjectMapper MAPPER =
            new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses a request body; an empty body yields {@code null}. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0 || isBlank(body)) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw corrupt(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a body that must be a JSON object (an empty body counts as {@code {}}). */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode node = parse(body);
        if (node == null) {
            return object();
        }
        if (!node.isObject()) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "expecting a JSON object body");
        }
        return (ObjectNode) node;
    }

    /** Parses a body that must be present and be a JSON object. */
    public static ObjectNode requireObject(byte[] body) {
        JsonNode node = parse(body);
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.HTTP_BAD_PARAMETER, "expecting a JSON object body");
        }
        return (ObjectNode) node;
    }

    public static ApiException corrupt(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = "invalid JSON";
        }
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        // arangod reports the VelocyPack parser's complaint; keep the same prefix.
        return new ApiException(ErrorCode.CORRUPTED_JSON, "VPackError error: " + msg);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonParser parser(byte[] json) {
        try {
            return FACTORY.createParser(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code s} as a JSON string literal (with quotes) to {@code out}. */
    public static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
