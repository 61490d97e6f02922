package io.dc2dc.arango.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
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
 *
 * <p>A CA file is read again when it changes (modification time, size or inode, checked at each TLS
 * handshake), so that a renewed CA takes effect for new connections without restarting the job. A
 * changed file that cannot be read or holds no certificate leaves the previous CAs in use until it
 * is fixed.
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
                    spec.verify()
                            ? new TrustManager[] {
                                new ReloadingTrust(cluster, Path.of(spec.caFile()))
                            }
                            : new TrustManager[] {ANY};
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

    /** The file's identity and version: what tells that the CA file was replaced or edited. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        }
    }

    /**
     * Trusts the CAs of a PEM file, re-reading it when it changed since the last handshake; all
     * checks are delegated to the JDK's trust manager for those CAs (host names included).
     */
    private static final class ReloadingTrust extends X509ExtendedTrustManager {
        private record Loaded(Stamp stamp, X509ExtendedTrustManager trust) {}

        private final String cluster;
        private final Path caFile;
        private volatile Loaded loaded;

        /** Reads the file now: a missing or empty CA file is a configuration error at once. */
        ReloadingTrust(String cluster, Path caFile) throws GeneralSecurityException {
            this.cluster = cluster;
            this.caFile = caFile;
            Stamp stamp;
            try {
                stamp = Stamp.of(caFile);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cluster '" + cluster + "': cannot read the CA file " + caFile + ": " + e,
                        e);
            }
            this.loaded = new Loaded(stamp, caTrust(cluster, caFile.toString()));
        }

        /** The trust manager for the file's current content. */
        private X509ExtendedTrustManager current() {
            Loaded l = loaded;
            try {
                Stamp stamp = Stamp.of(caFile);
                if (!stamp.equals(l.stamp())) {
                    synchronized (this) {
                        l = loaded;
                        if (!stamp.equals(l.stamp())) {
                            l = new Loaded(stamp, caTrust(cluster, caFile.toString()));
                            loaded = l;
                        }
                    }
                }
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                // being replaced, or broken: keep the CAs read last; the next handshake retries
            }
            return l.trust();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            current().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            current().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            current().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            current().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            current().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            current().checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return current().getAcceptedIssuers();
        }
    }

    private static X509ExtendedTrustManager caTrust(String cluster, String caFile)
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
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager for " + caFile);
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
