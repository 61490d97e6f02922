package io.dc2dc.emulator.api;

import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.http.ApiRequest;
import io.dc2dc.emulator.http.ApiResponse;
import io.dc2dc.emulator.http.ErrorCode;
import io.dc2dc.emulator.http.Json;
import io.dc2dc.emulator.http.Router;
import io.dc2dc.emulator.model.ClusterCollection;
import io.dc2dc.emulator.service.restore.DataRestorer;
import io.dc2dc.emulator.service.restore.RestoreBatch;

/**
 * {@code PUT /_db/{db}/_api/replication/restore-data?collection=<name>} on coordinators (§7.3):
 * what arangorestore sends, a JSONL body of raw documents or dump envelopes applied in one
 * transaction. Needs admin rights; answers 200 {@code {"result":true}}.
 */
final class RestoreDataApi {
    private final ApiContext ctx;
    private final DataRestorer restorer;

    RestoreDataApi(ApiContext ctx) {
        this.ctx = ctx;
        this.restorer =
                new DataRestorer(
                        ctx.cluster(),
                        ctx.documents(),
                        ctx.transactions(),
                        ctx.meta().systemDocuments(),
                        ctx.users());
    }

    void register(Router r) {
        r.put("/_api/replication/restore-data", this::restoreData);
    }

    private ApiResponse restoreData(ApiRequest req) {
        ctx.requireAdmin(req);
        String name = req.param("collection");
        if (name == null || name.isEmpty()) {
            throw new ApiException(
                    ErrorCode.HTTP_BAD_PARAMETER, "invalid collection parameter, not given");
        }
        ClusterCollection c = ctx.collection(req, name);
        RestoreBatch batch = RestoreBatch.parse(req.body());
        restorer.restore(ctx.db(req), c, batch, req.boolParam("preserveRevisionIds", false));
        return ApiResponse.json(200, Json.object().put("result", true));
    }
}
