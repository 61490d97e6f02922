package io.dc2dc.arango.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiPathTest {

    @Test
    void encodesSegmentsAndQueryValues() {
        assertThat(
                        ApiPath.db("shop")
                                .path("/_api/collection/")
                                .segment("orders 2024")
                                .path("/checksum")
                                .query("withRevisions", true)
                                .query("skipped", null)
                                .query("withData", false)
                                .toString())
                .isEqualTo(
                        "/_db/shop/_api/collection/orders%202024/checksum"
                                + "?withRevisions=true&withData=false");
    }

    @Test
    void encodesUnicodeNamesAsUtf8AndReservedCharacters() {
        assertThat(ApiPath.db("Ünïcödé-db").toString())
                .isEqualTo("/_db/%C3%9Cn%C3%AFc%C3%B6d%C3%A9-db");
        assertThat(ApiPath.encode("a/b?c&d=e#f%g+h")).isEqualTo("a%2Fb%3Fc%26d%3De%23f%25g%2Bh");
        assertThat(ApiPath.encode("keep-._~AZaz09")).isEqualTo("keep-._~AZaz09");
        assertThat(ApiPath.root().path("/_api/version").query("low", "k y").toString())
                .isEqualTo("/_api/version?low=k%20y");
    }

    @Test
    void refusesPathAfterQuery() {
        ApiPath p = ApiPath.db("d").query("a", 1);
        assertThatThrownBy(() -> p.path("/x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.segment("x")).isInstanceOf(IllegalStateException.class);
    }
}
