package io.dc2dc.arango.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ArangoExceptionTest {

    @Test
    void carriesContextAndClassification() {
        ArangoException e =
                ArangoException.response(
                        "destination",
                        "http://10.0.0.7:8529",
                        "POST",
                        "/_db/shop/_api/document/orders?isRestore=true",
                        404,
                        1203,
                        "collection or view not found: orders",
                        ErrorContext.collection("shop", "orders"),
                        "basic auth as user 'root'");
        assertThat(e.getMessage())
                .isEqualTo(
                        "[destination] POST http://10.0.0.7:8529/_db/shop/_api/document/orders"
                                + "?isRestore=true: HTTP 404, errorNum 1203 \"collection or view"
                                + " not found: orders\" (database=shop, collection=orders), fatal");
        assertThat(e.isTransient()).isFalse();
        assertThat(e.isNotFound()).isTrue();
        assertThat(e.cluster()).isEqualTo("destination");
        assertThat(e.errorNum()).isEqualTo(1203);
        assertThat(e.context().collection()).isEqualTo("orders");
    }

    @Test
    void tellsWhatToCheckOnAuthenticationFailures() {
        ArangoException unauthorized =
                ArangoException.response(
                        "source",
                        "http://db1:8530",
                        "GET",
                        "/_db/_system/_api/wal/tail?global=true",
                        401,
                        401,
                        "not authorized to execute this request",
                        ErrorContext.NONE,
                        "a superuser JWT from the JWT secret");
        assertThat(unauthorized.getMessage())
                .contains("Check the credentials configured for cluster 'source'")
                .contains("(the request used a superuser JWT from the JWT secret)")
                .contains("jwt-secret-keyfile");
        ArangoException forbidden =
                ArangoException.response(
                        "source",
                        "http://c:8529",
                        "GET",
                        "/_api/database",
                        403,
                        11,
                        "forbidden",
                        ErrorContext.database("_system"),
                        "basic auth as user 'dc2dc'");
        assertThat(forbidden.getMessage())
                .contains("Check the permissions of the configured user")
                .contains("basic auth as user 'dc2dc'");
        ArangoException readOnly =
                ArangoException.response(
                        "destination",
                        "http://c:8529",
                        "POST",
                        "/_db/d/_api/document/c",
                        403,
                        1004,
                        "collection is read-only",
                        ErrorContext.collection("d", "c"),
                        null);
        assertThat(readOnly.isTransient()).isTrue();
        assertThat(readOnly.getMessage()).contains("write concern");
    }

    @Test
    void describesTransportAndTlsFailures() {
        ArangoException refused =
                ArangoException.io(
                        "source",
                        "http://db2:8530",
                        "GET",
                        "/_api/wal/lastTick",
                        new ConnectException("Connection refused"),
                        ErrorContext.NONE);
        assertThat(refused.isTransient()).isTrue();
        assertThat(refused.httpStatus()).isZero();
        assertThat(refused.getMessage())
                .isEqualTo(
                        "[source] GET http://db2:8530/_api/wal/lastTick: \"ConnectException:"
                                + " Connection refused\", transient");
        ArangoException tls =
                ArangoException.io(
                        "source",
                        "https://c:8529",
                        "GET",
                        "/_api/version",
                        new SSLHandshakeException("PKIX path building failed"),
                        ErrorContext.NONE);
        assertThat(tls.isTransient()).isFalse();
        assertThat(tls.getMessage()).contains("Check the TLS settings of cluster 'source'");
    }

    @Test
    void clientSideProblemsNameTheCluster() {
        ArangoException e =
                ArangoException.client(
                        "source",
                        "DB-server PRMR-1 not in /_admin/cluster/health",
                        ErrorContext.shard("shop", null, "s1"),
                        false);
        assertThat(e.getMessage())
                .isEqualTo(
                        "[source] \"DB-server PRMR-1 not in /_admin/cluster/health\""
                                + " (database=shop, shard=s1), fatal");
    }
}
