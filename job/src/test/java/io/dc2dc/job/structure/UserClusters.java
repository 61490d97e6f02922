package io.dc2dc.job.structure;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.Pipeline;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.config.TestAccess;
import io.dc2dc.job.testing.Replication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two emulated clusters with authentication on, each with its own JWT secret and root password, and
 * the replication job between them: it reads the source with the source's JWT secret and logs in to
 * the destination as root with basic auth, as an operator without the destination's secret would.
 * Register as an instance field; everything is closed after each test.
 */
final class UserClusters implements BeforeEachCallback, AfterEachCallback {

    static final String SOURCE_ROOT = "source-root-pw";
    static final String DESTINATION_ROOT = "destination-root-pw";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dir;
    private Emulator source;
    private Emulator destination;
    private Configuration options;
    private Configuration checks;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("dc2dc-users");
        source = start("source-jwt-secret", SOURCE_ROOT);
        destination = start("destination-jwt-secret", DESTINATION_ROOT);
        options = Replication.options(source, destination);
        options.setString("source.jwt-secret-file", write("source.jwt", "source-jwt-secret"));
        options.setString("destination.username", "root");
        options.setString("destination.password-file", write("destination.pw", DESTINATION_ROOT));
        checks = new Configuration(options);
        checks.setString(
                "destination.jwt-secret-file", write("destination.jwt", "destination-jwt-secret"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        source.close();
        destination.close();
        // the secret files and checkpoints; quietly, as in Clusters
        FileUtils.deleteDirectoryQuietly(dir.toFile());
    }

    Emulator source() {
        return source;
    }

    Emulator destination() {
        return destination;
    }

    /** A client of the source with the job's credentials (superuser JWT). */
    ArangoClient sourceClient() {
        return ArangoClient.connect(TestAccess.cluster(options, "source"));
    }

    /**
     * A client of the destination for checks: with the destination's JWT secret, which the job does
     * not have, since reading documents back goes to its DB-servers.
     */
    ArangoClient destinationClient() {
        return ArangoClient.connect(TestAccess.cluster(checks, "destination"));
    }

    /** Starts the job with parallelism 2 and {@code extra} job options. */
    JobClient start(Consumer<Configuration> extra) throws Exception {
        Configuration flink = Replication.flink(dir.resolve("checkpoints"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(2);
        Configuration conf = new Configuration(options);
        extra.accept(conf);
        Pipeline.build(env, JobConfig.from(conf, 2));
        return env.executeAsync("dc2dc-users-it");
    }

    /** The status of {@code method path} on the cluster with basic auth as {@code user}. */
    static int basic(
            Emulator cluster,
            String user,
            String password,
            String method,
            String path,
            String body) {
        String token =
                Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return status(
                HttpRequest.newBuilder(URI.create(cluster.coordinatorUrl() + path))
                        .header("Authorization", "Basic " + token)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The status of {@code POST /_open/auth} (a user JWT for valid credentials). */
    static int jwtLogin(Emulator cluster, String user, String password) {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return status(
                HttpRequest.newBuilder(URI.create(cluster.coordinatorUrl() + "/_open/auth"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static int status(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                            request.timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Emulator start(String secret, String rootPassword) {
        return Emulator.start(
                EmulatorConfig.builder()
                        .dbServers(3)
                        .jwtSecret(secret.getBytes(StandardCharsets.UTF_8))
                        .rootPassword(rootPassword)
                        .build());
    }

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }
}
