package io.dc2dc.arango.http;

import java.io.Serializable;

/**
 * TLS settings of one cluster.
 *
 * <pre>new TlsSpec("/etc/dc2dc/source-ca.pem", true)</pre>
 *
 * @param caFile PEM file with the CA certificate(s) that signed the servers' certificates; null to
 *     use the JVM's default trust store
 * @param verify verify certificates and host names (default); {@code false} accepts any server
 *     certificate — for tests only
 */
public record TlsSpec(String caFile, boolean verify) implements Serializable {

    /** JVM trust store, full verification. */
    public static TlsSpec defaults() {
        return new TlsSpec(null, true);
    }
}
