package io.dc2dc.emulator.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.model.Revisions;
import io.dc2dc.emulator.service.DocumentService.DocVersionView;
import io.dc2dc.emulator.service.DocumentService.Op;
import io.dc2dc.emulator.service.Outcome;
import io.dc2dc.emulator.service.StreamTransaction;
import io.dc2dc.emulator.service.WriteOptions;
import io.dc2dc.emulator.service.WriteOptions.OverwriteMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's {@code /_api/document} API: single and array insert, replace, update, remove
 * and read, with the query options and headers of §7.1, per-item errors and {@code
 * x-arango-error-codes} for arrays, and {@code x-arango-trx-id} for stream transactions.
 */
final class DocumentApi {
    private final ApiContext ctx;

    DocumentApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.post("/_api/document/{c}", req -> write(req, Op.INSERT));
        r.post("/_api/document", req -> write(req, Op.INSERT));
        r.put(
                "/_api/document/{c}",
                req -> req.boolParam("onlyget", false) ? readMany(req) : write(req, Op.REPLACE));
        r.put("/_api/document/{c}/{key}", req -> write(req, Op.REPLACE));
        r.patch("/_api/document/{c}", req -> write(req, Op.UPDATE));
        r.patch("/_api/document/{c}/{key}", req -> write(req, Op.UPDATE));
        r.delete("/_api/document/{c}", req -> write(req, Op.REMOVE));
        r.delete("/_api/document/{c}/{key}", req -> write(req, Op.REMOVE));
        r.get("/_api/document/{c}/{key}", this::read);
    }

    private ClusterCollection collection(ApiRequest req) {
        String name = req.pathParam("c");
        if (name == null) {
            name = req.param("collection");
        }
        if (name == null) {
            throw new ApiException(400, 1204, "parameter 'collection' not found");
        }
        return ctx.collection(req, name);
    }

    private StreamTransaction transaction(ApiRequest req) {
        String id = req.header("x-arango-trx-id");
        return id == null ? null : ctx.transactions().get(ctx.db(req), id);
    }

    private static WriteOptions options(ApiRequest req, boolean single) {
        OverwriteMode mode = OverwriteMode.CONFLICT;
        String m = req.param("overwriteMode");
        if (m != null && !m.isEmpty()) {
            mode =
                    switch (m) {
                        case "ignore" -> OverwriteMode.IGNORE;
                        case "replace" -> OverwriteMode.REPLACE;
                        case "update" -> OverwriteMode.UPDATE;
                        default -> OverwriteMode.CONFLICT;
                    };
        } else if (req.boolParam("overwrite", false)) {
            mode = OverwriteMode.REPLACE;
        }
        String ifMatch = single ? unquote(req.header("if-match")) : null;
        return new WriteOptions(
                mode,
                req.boolParam("keepNull", true),
                req.boolParam("mergeObjects", true),
                req.boolParam("isRestore", false),
                req.boolParam("ignoreRevs", true),
                ifMatch);
    }

    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        v = v.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    private ApiResponse write(ApiRequest req, Op op) {
        // arangod's document handler parses the body before it looks up the collection, so bad
        // JSON is 400/600 even for an unknown collection; access is checked per collection.
        JsonNode body = Json.parse(req.body());
        ClusterCollection c = collection(req);
        ctx.requireCollectionAccess(req, c.name(), true);
        String pathKey = req.pathParam("key");
        boolean array = pathKey == null && body != null && body.isArray();
        List<JsonNode> items = new ArrayList<>();
        if (array) {
            body.forEach(items::add);
        } else {
            if (op != Op.REMOVE && body == null) {
                throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
            }
            if (op == Op.REMOVE && pathKey == null && body == null) {
                throw new ApiException(ErrorCode.DOCUMENT_HANDLE_BAD);
            }
            items.add(body);
        }
        StreamTransaction trx = transaction(req);
        List<Outcome> outcomes =
                ctx.documents().write(c, op, items, pathKey, options(req, !array), array, trx);
        // waitForSync answers 201 (200 for removes) only when something was written: an array
        // whose every element failed answers 202 like arangod
        boolean wrote = outcomes.stream().anyMatch(x -> !x.failed());
        int status = wrote && req.boolParam("waitForSync", c.waitForSync()) ? 201 : 202;
        if (op == Op.REMOVE) {
            status = status == 201 ? 200 : 202;
        }
        boolean returnNew = req.boolParam("returnNew", false) && op != Op.REMOVE;
        boolean returnOld = req.boolParam("returnOld", false);
        boolean silent = req.boolParam("silent", false);
        if (!array) {
            return single(req, c, op, outcomes.get(0), status, returnNew, returnOld, silent);
        }
        return many(c, op, outcomes, status, returnNew, returnOld, silent);
    }

    private ApiResponse single(
            ApiRequest req,
            ClusterCollection c,
            Op op,
            Outcome o,
            int status,
            boolean returnNew,
            boolean returnOld,
            boolean silent) {
        if (o.failed()) {
            if (o.error().errorNum() == ErrorCode.CONFLICT.num() && o.currentRev() != 0) {
                return conflict(c, o);
            }
            throw o.error();
        }
        byte[] body =
                silent
                        ? "{}".getBytes(StandardCharsets.UTF_8)
                        : render(g -> result(g, c, op, o, returnNew, returnOld));
        return ApiResponse.json(status, body)
                .header("etag", "\"" + Revisions.encode(o.rev()) + "\"")
                .header(
                        "location",
                        "/_db/" + req.database() + "/_api/document/" + c.name() + "/" + o.key());
    }

    private static ApiResponse conflict(ClusterCollection c, Outcome o) {
        ObjectNode out = Json.object();
        out.put("error", true);
        out.put("code", o.error().status());
        out.put("errorNum", o.error().errorNum());
        out.put("errorMessage", o.error().getMessage());
        out.put("_id", c.name() + "/" + o.key());
        out.put("_key", o.key());
        String rev = Revisions.encode(o.currentRev());
        out.put("_rev", rev);
        return ApiResponse.json(o.error().status(), out).header("etag", "\"" + rev + "\"");
    }

    private ApiResponse many(
            ClusterCollection c,
            Op op,
            List<Outcome> outcomes,
            int status,
            boolean returnNew,
            boolean returnOld,
            boolean silent) {
        Map<Integer, Integer> errors = new TreeMap<>();
        byte[] body =
                render(
                        g -> {
                            g.writeStartArray();
                            for (Outcome o : outcomes) {
                                if (o.failed()) {
                                    errors.merge(o.error().errorNum(), 1, Integer::sum);
                                    itemError(g, c, o);
                                } else if (!silent) {
                                    result(g, c, op, o, returnNew, returnOld);
                                }
                            }
                            g.writeEndArray();
                        });
        ApiResponse out = ApiResponse.json(status, body);
        if (!errors.isEmpty()) {
            out.header("x-arango-error-codes", errorCodes(errors));
        }
        return out;
    }

    static String errorCodes(Map<Integer, Integer> errors) {
        StringBuilder sb = new StringBuilder("{");
        errors.forEach(
                (k, v) -> {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    sb.append('"').append(k).append("\":").append(v);
                });
        return sb.append('}').toString();
    }

    static void itemError(JsonGenerator g, ClusterCollection c, Outcome o) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("error", true);
        g.writeNumberField("errorNum", o.error().errorNum());
        // array items carry no _id/_key/_rev, not even for conflicts (recorded
        // RestDocumentHandlerDeleteDocumentRevConflictMulti)
        g.writeStringField("errorMessage", o.error().getMessage());
        g.writeEndObject();
    }

    private static void result(
            JsonGenerator g,
            ClusterCollection c,
            Op op,
            Outcome o,
            boolean returnNew,
            boolean returnOld)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("_id", c.name() + "/" + o.key());
        g.writeStringField("_key", o.key());
        g.writeStringField("_rev", Revisions.encode(o.rev()));
        if (op != Op.REMOVE && o.oldRev() != 0) {
            g.writeStringField("_oldRev", Revisions.encode(o.oldRev()));
        }
        if (returnNew && o.newJson() != null) {
            g.writeFieldName("new");
            g.writeRawValue(new String(o.newJson(), StandardCharsets.UTF_8));
        }
        if (returnOld && o.oldJson() != null) {
            g.writeFieldName("old");
            g.writeRawValue(new String(o.oldJson(), StandardCharsets.UTF_8));
        }
        g.writeEndObject();
    }

    private ApiResponse read(ApiRequest req) {
        ClusterCollection c = collection(req);
        ctx.requireCollectionAccess(req, c.name(), false);
        String key = req.pathParam("key");
        DocVersionView v = ctx.documents().read(c, key, transaction(req));
        if (v == null) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_FOUND);
        }
        String rev = Revisions.encode(v.rev());
        String ifNoneMatch = unquote(req.header("if-none-match"));
        if (ifNoneMatch != null && ifNoneMatch.equals(rev)) {
            // arangod answers 304 with an empty text/plain body
            return ApiResponse.raw(304, "text/plain", new byte[0])
                    .header("etag", "\"" + rev + "\"");
        }
        String ifMatch = unquote(req.header("if-match"));
        if (ifMatch != null && !ifMatch.equals(rev)) {
            return conflict(
                    c,
                    new Outcome(
                            new ApiException(ErrorCode.CONFLICT, 412, ErrorCode.CONFLICT.message()),
                            key,
                            0,
                            0,
                            null,
                            null,
                            v.rev()));
        }
        return ApiResponse.json(200, v.json()).header("etag", "\"" + rev + "\"");
    }

    private ApiResponse readMany(ApiRequest req) {
        ClusterCollection c = collection(req);
        ctx.requireCollectionAccess(req, c.name(), false);
        JsonNode body = Json.parse(req.body());
        if (body == null || !body.isArray()) {
            throw new ApiException(ErrorCode.DOCUMENT_TYPE_INVALID);
        }
        StreamTransaction trx = transaction(req);
        Map<Integer, Integer> errors = new TreeMap<>();
        byte[] out =
                render(
                        g -> {
                            g.writeStartArray();
                            for (JsonNode item : body) {
                                String key =
                                        item.isTextual()
                                                ? item.asText()
                                                : item.path("_key").asText("");
                                int slash = key.indexOf('/');
                                if (slash >= 0) {
                                    key = key.substring(slash + 1);
                                }
                                DocVersionView v = ctx.documents().read(c, key, trx);
                                if (v == null) {
                                    errors.merge(1202, 1, Integer::sum);
                                    Outcome o =
                                            new Outcome(
                                                    new ApiException(ErrorCode.DOCUMENT_NOT_FOUND),
                                                    key,
                                                    0,
                                                    0,
                                                    null,
                                                    null,
                                                    0);
                                    itemError(g, c, o);
                                } else {
                                    g.writeRawValue(new String(v.json(), StandardCharsets.UTF_8));
                                }
                            }
                            g.writeEndArray();
                        });
        ApiResponse resp = ApiResponse.json(200, out);
        if (!errors.isEmpty()) {
            resp.header("x-arango-error-codes", errorCodes(errors));
        }
        return resp;
    }

    /** Writes JSON with a generator into a byte array. */
    interface GeneratorBody {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] render(GeneratorBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
