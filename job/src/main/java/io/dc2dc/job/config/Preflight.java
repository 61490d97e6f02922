package io.dc2dc.job.config;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import io.dc2dc.arango.http.VersionInfo;
import io.dc2dc.sink.structure.ReplicationMarker;
import java.util.Optional;

/**
 * Checks both clusters before the job is submitted: reachable, credentials accepted, a cluster
 * (coordinators), and a destination that is not older than the source. Each failure is one message
 * that names the cluster, the setting and what to check.
 */
public final class Preflight {

    /** A check that failed; the message is meant for the operator. */
    public static final class PreflightException extends RuntimeException {
        PreflightException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Preflight() {}

    /** Runs every check; returns the two versions, e.g. for a status line. */
    public static VersionInfo[] check(JobConfig config) {
        VersionInfo source = checkCluster(config.source().cluster(), true);
        VersionInfo destination = checkCluster(config.sink().cluster(), false);
        if (source.major() > 0
                && destination.major() > 0
                && (destination.major() < source.major()
                        || (destination.major() == source.major()
                                && destination.minor() < source.minor()))) {
            throw new PreflightException(
                    "The destination runs ArangoDB "
                            + destination.version()
                            + ", older than the source's "
                            + source.version()
                            + "; replicate only into the same or a newer minor version.",
                    null);
        }
        checkNotReplicatedByAnother(config);
        return new VersionInfo[] {source, destination};
    }

    /**
     * Refuses a destination that another replication writes into: its marker names another source
     * or syncer id and its heartbeat is fresh. The job's own marker (a resume) does not block.
     */
    static void checkNotReplicatedByAnother(JobConfig config) {
        String ours = config.structure().replicationIdentity();
        try (ArangoClient destination = ArangoClient.connect(config.sink().cluster())) {
            Optional<ReplicationMarker.Marker> marker = ReplicationMarker.read(destination);
            long now = System.currentTimeMillis();
            if (marker.isPresent()
                    && !marker.get().identity().equals(ours)
                    && marker.get().age(now).compareTo(ReplicationMarker.FRESH) < 0) {
                throw new PreflightException(
                        "The destination "
                                + config.sink().cluster().endpoints()
                                + " is already replicated into by another dc2dc job (from "
                                + marker.get().source()
                                + ", last seen "
                                + marker.get().age(now).toSeconds()
                                + " s ago). Stop that job first, or choose another destination;"
                                + " a job stopped for more than "
                                + ReplicationMarker.FRESH.toSeconds()
                                + " s does not block.",
                        null);
            }
        }
    }

    static VersionInfo checkCluster(ClusterSpec spec, boolean needsJwtSecret) {
        String prefix = spec.name();
        try (ArangoClient client = ArangoClient.connect(spec)) {
            VersionInfo version = client.version();
            String role = client.serverRole();
            if (!"COORDINATOR".equals(role)) {
                throw new PreflightException(
                        prefix
                                + ".endpoints "
                                + spec.endpoints()
                                + " points at a server with role "
                                + role
                                + ", not at a cluster's coordinator. dc2dc replicates"
                                + " clusters: give the coordinators' URLs.",
                        null);
            }
            client.clusterHealth();
            if (needsJwtSecret) {
                client.lastTick(firstDbServer(client, prefix));
            }
            return version;
        } catch (ArangoException e) {
            throw new PreflightException(explain(prefix, spec, e), e);
        }
    }

    private static String firstDbServer(ArangoClient client, String prefix) {
        return client.clusterHealth().dbServers().keySet().stream()
                .findFirst()
                .orElseThrow(
                        () ->
                                new PreflightException(
                                        "The " + prefix + " cluster reports no DB-servers.", null));
    }

    /** A failed TLS handshake: unknown CA, or a certificate for another host name. */
    private static boolean untrustedCertificate(ArangoException e) {
        return e.getCause() instanceof javax.net.ssl.SSLHandshakeException
                || e.getCause() instanceof javax.net.ssl.SSLPeerUnverifiedException;
    }

    private static String explain(String prefix, ClusterSpec spec, ArangoException e) {
        int status = e.httpStatus();
        if (status == 401) {
            return "The "
                    + prefix
                    + " cluster refused the credentials (HTTP 401 from "
                    + e.endpoint()
                    + "). Check "
                    + prefix
                    + ".username and "
                    + prefix
                    + ".password-file/-env, or "
                    + prefix
                    + ".jwt-secret-file/-env for the DB-servers.";
        }
        if (status == 403) {
            return "The "
                    + prefix
                    + " cluster denied access (HTTP 403 from "
                    + e.endpoint()
                    + "). The user needs administrator rights on _system; tailing the"
                    + " DB-servers needs the cluster's JWT secret ("
                    + prefix
                    + ".jwt-secret-file).";
        }
        if (status <= 0 && untrustedCertificate(e)) {
            return "The "
                    + prefix
                    + " cluster's TLS certificate is not trusted ("
                    + e.getCause().getMessage()
                    + ", from "
                    + e.endpoint()
                    + "). Set "
                    + prefix
                    + ".tls.ca-file to the PEM file of the CA that signed the coordinators'"
                    + " certificates; the certificate must also name the host used in "
                    + prefix
                    + ".endpoints.";
        }
        if (status <= 0) {
            return "Cannot reach the "
                    + prefix
                    + " cluster at "
                    + spec.endpoints()
                    + ": "
                    + e.getMessage()
                    + ". Check "
                    + prefix
                    + ".endpoints, that the coordinators run, and the network (and "
                    + prefix
                    + ".tls.* for https).";
        }
        return "The " + prefix + " cluster answered an unexpected error: " + e.getMessage();
    }
}
