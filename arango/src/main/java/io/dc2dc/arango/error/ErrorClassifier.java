package io.dc2dc.arango.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one place that decides whether an ArangoDB error is transient (retrying the same request
 * later can succeed) or fatal, and what an operator should check for authentication and TLS
 * failures.
 *
 * <p>Transient:
 *
 * <ul>
 *   <li>no response: connection refused, reset or closed, timeouts, unknown host (DNS entries of
 *       restarting pods come and go);
 *   <li>HTTP 502, 503, 504 and 429;
 *   <li>errorNum 1004 (read-only: with the default {@code
 *       --cluster.failed-write-concern-status-code 403} a failed write concern is reported as
 *       403/1004, indistinguishable from a read-only collection — retrying boundedly costs little
 *       if it really is read-only), 1429 (write concern not fulfilled), 1457 (cluster timeout),
 *       1465 (cluster connection lost), 1478 (backend unavailable), 1491 (leader resigned), 1496
 *       (not leader), 30 (shutting down).
 * </ul>
 *
 * <p>Everything else is fatal: 4xx never become right by retrying.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {}

    /** Classifies a server response by HTTP status and ArangoDB errorNum (0 if none). */
    public static boolean isTransient(int httpStatus, int errorNum) {
        switch (errorNum) {
            case ErrorNums.SHUTTING_DOWN:
            case ErrorNums.READ_ONLY:
            case ErrorNums.WRITE_CONCERN_NOT_FULFILLED:
            case ErrorNums.CLUSTER_TIMEOUT:
            case ErrorNums.CLUSTER_CONNECTION_LOST:
            case ErrorNums.CLUSTER_BACKEND_UNAVAILABLE:
            case ErrorNums.CLUSTER_LEADER_RESIGNED:
            case ErrorNums.CLUSTER_NOT_LEADER:
                return true;
            default:
                break;
        }
        return httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    }

    /** Classifies a per-item error of an array (bulk) operation, which carries no HTTP status. */
    public static boolean isTransient(int errorNum) {
        return isTransient(0, errorNum);
    }

    /** Classifies a request that got no usable response. */
    public static boolean isTransient(IOException e) {
        if (e instanceof JsonProcessingException) {
            return false; // the server answered, with something we cannot parse
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return false; // certificate or hostname mismatch: configuration, not weather
        }
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return false; // our own thread was interrupted (task cancellation), not the network
        }
        // connection refused / reset / closed early, no route, unknown host, socket, connect and
        // pool-lease timeouts, HttpClient's NoHttpResponse and premature end of body: all
        // transport trouble that the next attempt (possibly on another coordinator) may not meet
        return true;
    }

    /** What to check for an error response, or null if the message says enough. */
    static String hint(String cluster, int httpStatus, int errorNum, String authUsed) {
        String used = authUsed == null ? "" : " (the request used " + authUsed + ")";
        if (httpStatus == 401) {
            return "Check the credentials configured for cluster '"
                    + cluster
                    + "'"
                    + used
                    + ": the username and password file for coordinators, and that the JWT"
                    + " secret file holds the cluster's --server.jwt-secret-keyfile content"
                    + " (DB-servers accept only superuser JWTs)";
        }
        if (httpStatus == 403 && (errorNum == ErrorNums.FORBIDDEN || errorNum == 0)) {
            return "Check the permissions of the configured user on cluster '"
                    + cluster
                    + "'"
                    + used
                    + ": dc2dc needs administrate rights on every database it replicates and"
                    + " read-write access to every collection, or a JWT secret";
        }
        if (errorNum == ErrorNums.READ_ONLY) {
            return "Check whether the server is in read-only mode (/_admin/server/mode) and"
                    + " whether enough DB-servers are healthy for the collection's write concern";
        }
        return null;
    }

    /** What to check for a failed connection, or null. */
    static String hint(String cluster, IOException e) {
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return "Check the TLS settings of cluster '"
                    + cluster
                    + "': the CA file must hold the CA that signed the server certificate, and"
                    + " the certificate must name the host used in the endpoint URL";
        }
        if (e instanceof UnknownHostException) {
            return "Check the endpoint host names of cluster '" + cluster + "'";
        }
        return null;
    }
}
