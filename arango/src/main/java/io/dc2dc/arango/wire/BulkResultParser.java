package io.dc2dc.arango.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Parses the response of an array document operation ({@code POST} / {@code DELETE
 * /_api/document/{collection}} with an array body, {@code silent=false}) into a {@link BulkResult},
 * streaming: success items are counted, not materialised. Stateless; thread-safe.
 */
public final class BulkResultParser {

    private BulkResultParser() {}

    /**
     * @param body the response body: a JSON array with one element per request item
     * @param expectedItems items sent; a different count in the response is a protocol error
     * @param errorCodesHeader value of {@code x-arango-error-codes}, or null
     * @param keyOfItem the {@code _key} of request item i, called only for failed items
     * @param ignorable errorNums that count as success (e.g. 1202 for removals)
     */
    public static BulkResult parse(
            InputStream body,
            int expectedItems,
            String errorCodesHeader,
            IntFunction<String> keyOfItem,
            IntPredicate ignorable)
            throws IOException {
        List<BulkResult.ItemError> errors = new ArrayList<>();
        int index = 0;
        int ignored = 0;
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedBodyException("array write response is not a JSON array");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                boolean error = false;
                int errorNum = 0;
                String message = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "error":
                            error = value == JsonToken.VALUE_TRUE;
                            break;
                        case "errorNum":
                            errorNum = value.isNumeric() ? p.getIntValue() : 0;
                            break;
                        case "errorMessage":
                            message = value == JsonToken.VALUE_STRING ? p.getText() : null;
                            break;
                        default:
                            p.skipChildren(); // _id, _key, _rev, _oldRev, new, old
                            break;
                    }
                }
                if (error) {
                    if (ignorable.test(errorNum)) {
                        ignored++;
                    } else {
                        errors.add(
                                new BulkResult.ItemError(
                                        index, keyOfItem.apply(index), errorNum, message));
                    }
                }
                index++;
            }
            if (t != JsonToken.END_ARRAY) {
                throw new MalformedBodyException("array write response holds a non-object item");
            }
        }
        if (index != expectedItems) {
            throw new MalformedBodyException(
                    "array write response has " + index + " items for " + expectedItems + " sent");
        }
        return new BulkResult(
                expectedItems,
                expectedItems - errors.size(),
                ignored,
                errors,
                parseErrorCodes(errorCodesHeader));
    }

    /**
     * True if the answer to a {@code silent=true} array write says that every item succeeded: an
     * empty array (or an empty object, as ArangoDB documents it for silent writes). A non-empty
     * array lists failed items only and yields false.
     */
    public static boolean isEmptyAnswer(InputStream body) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return p.nextToken() == JsonToken.END_ARRAY;
            }
            if (first == JsonToken.START_OBJECT) {
                return p.nextToken() == JsonToken.END_OBJECT;
            }
            throw new MalformedBodyException(
                    "silent array write response is neither a JSON array nor an object");
        }
    }

    /** Parses {@code x-arango-error-codes: {"1221":1,"1210":2}}; empty map for null/blank. */
    public static Map<Integer, Integer> parseErrorCodes(String header) throws IOException {
        Map<Integer, Integer> codes = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return codes;
        }
        try (JsonParser p = Json.FACTORY.createParser(header)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException(
                        "x-arango-error-codes is not a JSON object: " + header);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                try {
                    codes.put(Integer.parseInt(name), p.getValueAsInt());
                } catch (NumberFormatException e) {
                    throw new MalformedBodyException("bad x-arango-error-codes entry: " + name);
                }
            }
        }
        return codes;
    }

    /** The {@code _key} of a compact document, or null (used for failed items only). */
    public static String keyOf(byte[] document) {
        try (JsonParser p = Json.FACTORY.createParser(document)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            return new DocumentFields().scan(p).key;
        } catch (IOException e) {
            return null;
        }
    }
}
