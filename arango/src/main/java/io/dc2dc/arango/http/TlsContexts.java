package io.dc2dc.arango.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * Builds the TLS strategy of a cluster from its {@link TlsSpec}: the JVM default, a trust store
 * made of the CA certificates in a PEM file, or (verify=false, tests only) trust in anything.
 */
final class TlsContexts {

    private TlsContexts() {}

    /** The strategy for {@code spec}, or null for HttpClient's default (JVM trust store). */
    static TlsSocketStrategy strategy(String cluster, TlsSpec spec) {
        if (spec.caFile() == null && spec.verify()) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust =
                    spec.verify() ? caTrust(cluster, spec.caFile()) : new TrustManager[] {ANY};
            context.init(null, trust, new SecureRandom());
            ClientTlsStrategyBuilder builder =
                    ClientTlsStrategyBuilder.create().setSslContext(context);
            if (!spec.verify()) {
                // the CLIENT policy keeps JSSE from checking the host name itself, so that the
                // no-op verifier is the only check
                builder.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            return builder.buildClassic();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cluster '" + cluster + "': cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] caTrust(String cluster, String caFile)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(Path.of(caFile))) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cluster '" + cluster + "': cannot read the CA file " + caFile + ": " + e, e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(
                    "cluster '" + cluster + "': the CA file " + caFile + " holds no certificate");
        }
        int i = 0;
        for (Certificate cert : certs) {
            store.setCertificateEntry("ca-" + i++, cert);
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    /**
     * Trusts every certificate: only for {@code verify=false}. An extended trust manager, because
     * JSSE wraps plain ones in a wrapper that still checks the host name.
     */
    private static final X509ExtendedTrustManager ANY =
            new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkClientTrusted(
                        X509Certificate[] chain, String authType, Socket socket) {}

                @Override
                public void checkServerTrusted(
                        X509Certificate[] chain, String authType, Socket socket) {}

                @Override
                public void checkClientTrusted(
                        X509Certificate[] chain, String authType, SSLEngine engine) {}

                @Override
                public void checkServerTrusted(
                        X509Certificate[] chain, String authType, SSLEngine engine) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
}
