package io.dc2dc.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.emulator.FailMode;
import io.dc2dc.emulator.FailTarget;
import io.dc2dc.emulator.Http;
import io.dc2dc.emulator.Http.Answer;
import io.dc2dc.emulator.junit.EmulatorExtension;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Latency and failed requests, through the Java API and the HTTP fault endpoint. */
class RequestFaultsITCase {
    @RegisterExtension
    static final EmulatorExtension EMU =
            new EmulatorExtension(EmulatorConfig.builder().dbServers(1).coordinators(2).build());

    @AfterEach
    void reset() {
        EMU.emulator().faults().reset();
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        Http coord = new Http(EMU.emulator().coordinatorUrl());
        EMU.emulator().faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        assertThat(coord.get("/_api/version").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void failuresByTargetAndMode() {
        Http coord = new Http(EMU.emulator().coordinatorUrls().get(1));
        Http dbs = new Http(EMU.emulator().dbServerUrl(EMU.emulator().dbServerIds().get(0)));
        EMU.emulator().faults().failRequests(1.0, FailMode.HTTP_503, FailTarget.DBSERVER);
        Answer failed = dbs.get("/_api/version");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("errorNum").asInt()).isEqualTo(503);
        assertThat(coord.get("/_api/version").status()).isEqualTo(200);

        Answer viaHttp =
                coord.post(
                        "/_emulator/faults",
                        "{\"action\":\"failRequests\",\"share\":1,\"mode\":\"DROP_CONNECTION\",\"target\":\"coordinator\"}");
        assertThat(viaHttp.status()).isEqualTo(200);
        assertThatThrownBy(() -> coord.get("/_api/version"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(dbs.get("/_api/version").status()).isEqualTo(200);
        // the fault endpoint itself stays reachable
        assertThat(coord.post("/_emulator/faults", "{\"action\":\"reset\"}").status())
                .isEqualTo(200);
        assertThat(coord.get("/_api/version").status()).isEqualTo(200);
        assertThat(coord.post("/_emulator/faults", "{\"action\":\"explode\"}").status())
                .isEqualTo(400);
    }
}
