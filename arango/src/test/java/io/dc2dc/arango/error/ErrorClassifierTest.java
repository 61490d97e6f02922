package io.dc2dc.arango.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "HTTP {0} errorNum {1} → transient={2}")
    @CsvSource({
        // overload and gateway trouble
        "503, 0, true",
        "503, 30, true",
        "429, 0, true",
        "502, 0, true",
        "504, 0, true",
        // write concern: 403/1004 with default server settings, 503/1429 when configured
        "403, 1004, true",
        "503, 1429, true",
        "403, 1429, true",
        // cluster-internal trouble and leadership changes
        "500, 1457, true",
        "400, 1465, true",
        "503, 1478, true",
        "500, 1491, true",
        "421, 1496, true",
        // everything else is fatal
        "400, 600, false",
        "400, 1221, false",
        "401, 401, false",
        "403, 11, false",
        "404, 1203, false",
        "404, 1228, false",
        "404, 1600, false",
        "404, 1202, false",
        "409, 1207, false",
        "409, 1210, false",
        "500, 4, false",
        "501, 1470, false",
        "403, 1471, false"
    })
    void classifiesResponses(int status, int errorNum, boolean expected) {
        assertThat(ErrorClassifier.isTransient(status, errorNum)).isEqualTo(expected);
    }

    @Test
    void classifiesItemErrorsByErrorNumOnly() {
        assertThat(ErrorClassifier.isTransient(1004)).isTrue();
        assertThat(ErrorClassifier.isTransient(1429)).isTrue();
        assertThat(ErrorClassifier.isTransient(1210)).isFalse();
        assertThat(ErrorClassifier.isTransient(1221)).isFalse();
    }

    @Test
    void classifiesTransportFailures() {
        assertThat(ErrorClassifier.isTransient(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(ErrorClassifier.isTransient(new SocketException("Connection reset"))).isTrue();
        assertThat(ErrorClassifier.isTransient(new SocketTimeoutException("Read timed out")))
                .isTrue();
        assertThat(ErrorClassifier.isTransient(new ConnectTimeoutException("connect timed out")))
                .isTrue();
        assertThat(ErrorClassifier.isTransient(new NoHttpResponseException("failed to respond")))
                .isTrue();
        assertThat(
                        ErrorClassifier.isTransient(
                                new ConnectionClosedException("Premature end of chunk")))
                .isTrue();
        assertThat(ErrorClassifier.isTransient(new UnknownHostException("coordinator-2"))).isTrue();
        assertThat(ErrorClassifier.isTransient(new SSLHandshakeException("PKIX path building")))
                .isFalse();
        assertThat(ErrorClassifier.isTransient(new JsonParseException(null, "Unexpected char")))
                .isFalse();
    }

    @Test
    void anInterruptOfTheCallingThreadIsFatal() {
        Thread.currentThread().interrupt();
        try {
            assertThat(ErrorClassifier.isTransient(new InterruptedIOException("interrupted")))
                    .isFalse();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(ErrorClassifier.isTransient((IOException) new InterruptedIOException("x")))
                .isTrue();
    }
}
