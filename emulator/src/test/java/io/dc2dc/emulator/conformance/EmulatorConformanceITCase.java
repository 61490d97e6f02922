package io.dc2dc.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Replays every covered transcript (see {@code emulator/CONFORMANCE.md}) against an emulated
 * cluster of one coordinator and three DB-servers with authentication on: root over Basic auth at
 * the coordinator, a superuser JWT minted from the cluster secret at the DB-servers.
 *
 * <p>Scenarios run one after another against the same cluster; each drops what it creates.
 */
class EmulatorConformanceITCase {

    private static final byte[] SECRET = "conformance-secret".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final EmulatorExtension CLUSTER =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(3).jwtSecret(SECRET).build());

    private static Replayer replayer;

    @BeforeAll
    static void connect() {
        replayer =
                new Replayer(
                        new EmulatorTarget(URI.create(CLUSTER.emulator().coordinatorUrl())),
                        new ReplayHttp());
    }

    static Stream<Arguments> scenarios() {
        return Stream.concat(
                        TranscriptCatalog.scenarios().stream(), DerivedScenarios.all().stream())
                .map(
                        s ->
                                Arguments.of(
                                        s.area.name().toLowerCase(java.util.Locale.ROOT) + ": " + s,
                                        s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replay(String name, Scenario scenario) throws Exception {
        Replayer.Result result;
        try {
            result = replayer.replay(scenario);
        } catch (TestAbortedException notEmulatedYet) {
            throw new TestAbortedException(notEmulatedYet.getMessage() + " (" + scenario.id + ")");
        }

        if (scenario.knownEmulatorDifference() != null) {
            if (result.conforms()) {
                throw new AssertionError(
                        scenario.id
                                + " now conforms: remove knownEmulatorDifference("
                                + scenario.knownEmulatorDifference()
                                + ")");
            }
            throw new TestAbortedException(
                    "emulator: " + scenario.knownEmulatorDifference() + "\n" + result.report());
        }
        assertThat(result.conforms()).withFailMessage(result::report).isTrue();
    }

    /** The running emulator as a conformance target. */
    private record EmulatorTarget(URI coordinator) implements ConformanceTarget {

        @Override
        public Optional<String> coordinatorAuthorization() {
            // root with the default empty password
            return Optional.of(
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString("root:".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Optional<String> dbServerAuthorization() {
            // minted like any cluster-internal client: HS256 over the secret, no user claim
            Instant now = Instant.now();
            String jwt =
                    JWT.create()
                            .withIssuer("arangodb")
                            .withClaim("server_id", "conformance-test")
                            .withIssuedAt(Date.from(now))
                            .withExpiresAt(Date.from(now.plusSeconds(3600)))
                            .sign(Algorithm.HMAC256(SECRET));
            return Optional.of("bearer " + jwt);
        }
    }
}
