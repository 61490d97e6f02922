package io.dc2dc.emulator.junit;

import io.dc2dc.emulator.http.PortReservation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local TCP ports for tests, free of the races of "bind port 0, close it, use the number".
 *
 * <p>Such a port lies in the kernel's ephemeral range: until someone binds it again, the kernel may
 * hand it to any outgoing connection as its local port, and a connect to it may even connect to
 * itself. {@link #forChildProcess()} therefore picks a port below that range (as {@code free_port}
 * of {@code scripts/lib/common.sh} does), and {@link #refusing()} holds a port on which nothing
 * listens for as long as a test needs it. Thread-safe.
 */
public final class TestPorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    private static final int WINDOW = 12768;
    private static final int TRIES = 500;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private TestPorts() {}

    /**
     * A port for a process the test starts and that binds it itself (an emulator, a Flink cluster):
     * free now, below the kernel's ephemeral range so that no outgoing connection takes it
     * meanwhile, and never handed out twice in this JVM.
     */
    public static int forChildProcess() {
        int high = ephemeralLow() - 1;
        int low = Math.max(1024, high - WINDOW + 1);
        for (int i = 0; i < TRIES; i++) {
            int port = low + ThreadLocalRandom.current().nextInt(high - low + 1);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "no free TCP port in " + low + "-" + high + " after " + TRIES + " tries");
    }

    /**
     * A port on 127.0.0.1 that refuses connections until the reservation is closed; nobody else
     * gets it meanwhile. Use it for an endpoint that must be unreachable:
     *
     * <pre>
     * try (PortReservation down = TestPorts.refusing()) {
     *     ... "http://127.0.0.1:" + down.port() ...
     * }
     * </pre>
     */
    public static PortReservation refusing() {
        try {
            return PortReservation.bind("127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve a local port", e);
        }
    }

    private static int ephemeralLow() {
        try {
            // line-wise: the file reports size 0, and Files.readString then gets its first byte
            // only
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            int low = Integer.parseInt(range[0]);
            return low > 2048 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
