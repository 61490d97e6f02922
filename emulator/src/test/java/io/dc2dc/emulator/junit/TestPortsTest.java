package io.dc2dc.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.emulator.http.PortReservation;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestPortsTest {

    @Test
    void portsForChildProcessesAreFreeDistinctAndBelowTheEphemeralRange() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralLow =
                Files.isReadable(range)
                        ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0])
                        : 32768;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = TestPorts.forChildProcess();
            assertThat(port).isBetween(1024, ephemeralLow - 1);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = TestPorts.forChildProcess();
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aRefusingPortRefusesConnectsAndCannotBeTakenUntilClosed() throws Exception {
        int port;
        try (PortReservation refused = TestPorts.refusing()) {
            port = refused.port();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                    .isInstanceOf(ConnectException.class);
            try (ServerSocket other = new ServerSocket()) {
                other.setReuseAddress(false);
                assertThatThrownBy(() -> other.bind(new InetSocketAddress("127.0.0.1", port)))
                        .isInstanceOf(BindException.class);
            }
        }
        try (ServerSocket after = new ServerSocket()) {
            after.setReuseAddress(false);
            after.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(after.getLocalPort()).isEqualTo(port);
        }
    }
}
