package io.dc2dc.emulator.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * A TCP port held by a socket that is bound but does not listen: a connect to it is refused, as to
 * a stopped server, and nobody else gets the port until {@link #close()}, not even an outgoing
 * connection as its local port. The socket sets {@code SO_REUSEADDR}, so it binds over connections
 * of an earlier listener in {@code TIME_WAIT}, and a listener that sets it too (as Jetty's
 * connectors do) can bind beside it and take over before the reservation is closed.
 */
public final class PortReservation implements AutoCloseable {
    private final SocketChannel channel;
    private final int port;

    private PortReservation(SocketChannel channel, int port) {
        this.channel = channel;
        this.port = port;
    }

    /** Reserves {@code port} on {@code host}; port 0 reserves a free one. */
    public static PortReservation bind(String host, int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(host, port));
            return new PortReservation(
                    channel, ((InetSocketAddress) channel.getLocalAddress()).getPort());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** Releases the port; never fails. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the socket is gone either way
        }
    }
}
