package io.dc2dc.job.config;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * How to reach one cluster, under the prefix {@code source.} or {@code destination.}. Secrets are
 * never values here: options name a file or an environment variable to read them from, so they
 * never show in the Flink web UI.
 */
public final class ClusterOptions {

    public final ConfigOption<List<String>> endpoints;
    public final ConfigOption<String> username;
    public final ConfigOption<String> passwordFile;
    public final ConfigOption<String> passwordEnv;
    public final ConfigOption<String> jwtSecretFile;
    public final ConfigOption<String> jwtSecretEnv;
    public final ConfigOption<String> caFile;
    public final ConfigOption<Boolean> tlsVerify;
    public final ConfigOption<Duration> requestTimeout;
    final String prefix;

    public static final ClusterOptions SOURCE = new ClusterOptions("source");
    public static final ClusterOptions DESTINATION = new ClusterOptions("destination");

    private ClusterOptions(String prefix) {
        this.prefix = prefix;
        endpoints =
                ConfigOptions.key(prefix + ".endpoints")
                        .stringType()
                        .asList()
                        .noDefaultValue()
                        .withDescription(
                                "Coordinator URLs of the "
                                        + prefix
                                        + " cluster, separated by ';', e.g."
                                        + " http://coordinator1:8529;http://coordinator2:8529."
                                        + " Required.");
        username =
                ConfigOptions.key(prefix + ".username")
                        .stringType()
                        .defaultValue("root")
                        .withDescription("User for basic authentication at the coordinators.");
        passwordFile =
                ConfigOptions.key(prefix + ".password-file")
                        .stringType()
                        .noDefaultValue()
                        .withDescription(
                                "File holding the user's password (re-read when it changes).");
        passwordEnv =
                ConfigOptions.key(prefix + ".password-env")
                        .stringType()
                        .noDefaultValue()
                        .withDescription("Environment variable holding the user's password.");
        jwtSecretFile =
                ConfigOptions.key(prefix + ".jwt-secret-file")
                        .stringType()
                        .noDefaultValue()
                        .withDescription(
                                "File holding the cluster's JWT secret; needed to tail the"
                                        + " source DB-servers (re-read when it changes).");
        jwtSecretEnv =
                ConfigOptions.key(prefix + ".jwt-secret-env")
                        .stringType()
                        .noDefaultValue()
                        .withDescription("Environment variable holding the cluster's JWT secret.");
        caFile =
                ConfigOptions.key(prefix + ".tls.ca-file")
                        .stringType()
                        .noDefaultValue()
                        .withDescription(
                                "PEM file of the CA that signed the cluster's certificates;"
                                        + " default: the JVM's trust store.");
        tlsVerify =
                ConfigOptions.key(prefix + ".tls.verify")
                        .booleanType()
                        .defaultValue(true)
                        .withDescription(
                                "Verify the cluster's TLS certificates and host names. Turn off"
                                        + " only for tests.");
        requestTimeout =
                ConfigOptions.key(prefix + ".request-timeout")
                        .durationType()
                        .defaultValue(Duration.ofSeconds(60))
                        .withDescription("Timeout of one HTTP request to the cluster.");
    }
}
