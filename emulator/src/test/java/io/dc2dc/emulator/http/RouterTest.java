package io.dc2dc.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static ApiRequest req(String method, String path) {
        List<String> segs = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return new ApiRequest(method, path, "_system", segs, Map.of(), Map.of(), new byte[0]);
    }

    private static ApiResponse text(String s) {
        return ApiResponse.raw(200, "text/plain", s.getBytes());
    }

    @Test
    void literalRoutesWinOverParametersAndParametersAreBound() {
        Router r = new Router();
        r.get("/_api/collection/{c}/{sub}", q -> text("generic " + q.pathParam("c")));
        r.get("/_api/collection/{c}/count", q -> text("count " + q.pathParam("c")));
        r.route("*", "/_api/wal/*", q -> text("wal " + q.pathParam("*")));
        assertThat(r.dispatch(req("GET", "/_api/collection/x/count")).bodyText())
                .isEqualTo("count x");
        assertThat(r.dispatch(req("GET", "/_api/collection/x/other")).bodyText())
                .isEqualTo("generic x");
        assertThat(r.dispatch(req("PUT", "/_api/wal/tail/more")).bodyText())
                .isEqualTo("wal tail/more");
    }

    @Test
    void unknownPathIs404AndWrongMethod405() {
        Router r = new Router();
        r.get("/_api/version", q -> text("v"));
        assertThatThrownBy(() -> r.dispatch(req("GET", "/_api/nope")))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.errorNum()).isEqualTo(404);
                            assertThat(e.getMessage()).isEqualTo("unknown path '/_api/nope'");
                        });
        assertThatThrownBy(() -> r.dispatch(req("DELETE", "/_api/version")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorNum()).isEqualTo(405));
        assertThat(r.dispatch(req("HEAD", "/_api/version")).status()).isEqualTo(200);
    }
}
