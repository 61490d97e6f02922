package io.dc2dc.emulator;

import io.dc2dc.emulator.api.ApiContext;
import io.dc2dc.emulator.api.Apis;
import io.dc2dc.emulator.api.NodeDispatcher;
import io.dc2dc.emulator.http.EmulatorHandler;
import io.dc2dc.emulator.http.JsonErrorHandler;
import io.dc2dc.emulator.http.Node;
import io.dc2dc.emulator.http.PortReservation;
import io.dc2dc.emulator.http.ServerRole;
import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.model.CoordinatorInfo;
import io.dc2dc.emulator.service.Placement;
import io.dc2dc.emulator.storage.DbServer;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running emulated ArangoDB cluster: coordinators and DB-servers, each on its own port of one
 * Jetty server, plus a housekeeping thread (batch and client expiry, WAL retention, idle stream
 * transactions). Start with {@link #start(EmulatorConfig)}, stop with {@link #close()}.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long HOUSEKEEPING_MILLIS = 250;

    private final EmulatorConfig config;
    private final Cluster cluster;
    private final Server server;
    private final Map<String, ServerConnector> connectors = new LinkedHashMap<>();
    private final Map<Connector, Node> nodes = new ConcurrentHashMap<>();
    private final ConnectorPorts ports = new ConnectorPorts();
    private final FaultInjector faults;
    private final ApiContext ctx;
    private final ScheduledExecutorService housekeeping;

    private Emulator(EmulatorConfig config) {
        this.config = config;
        this.cluster = new Cluster(config.version());
        for (int i = 0; i < config.dbServers(); i++) {
            // ticks of different servers live in far apart ranges so they never look alike
            long firstTick = (i + 1) * 1_000_000_000_000L + RANDOM.nextInt(1_000_000_000);
            cluster.addDbServer(
                    new DbServer(
                            "PRMR-" + randomHex(),
                            String.format("DBServer%04d", i + 1),
                            firstTick,
                            cluster.ids()));
        }
        for (int i = 0; i < config.coordinators(); i++) {
            cluster.addCoordinator(
                    new CoordinatorInfo(
                            "CRDN-" + randomHex(), String.format("Coordinator%04d", i + 1)));
        }
        QueuedThreadPool pool = new QueuedThreadPool(96, 4);
        pool.setName("emulator");
        pool.setDaemon(true);
        this.server = new Server(pool);
        Placement placement = new Placement(cluster);
        this.faults = new FaultInjector(cluster, placement, ports);
        this.ctx = new ApiContext(cluster, config.jwtSecret(), placement, faults);
        if (config.jwtSecretSource() != null) {
            ctx.authenticator().watch(config.jwtSecretSource()); // reloadable secrets
        }
        this.server.setHandler(new EmulatorHandler(nodes::get, faults));
        this.housekeeping =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "emulator-housekeeping");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Binds free ports (the first coordinator on the configured one) and starts serving. */
    public static Emulator start(EmulatorConfig cfg) {
        Emulator e = new Emulator(cfg);
        try {
            e.startServing();
            return e;
        } catch (Exception ex) {
            e.close();
            throw new IllegalStateException("emulator failed to start: " + ex.getMessage(), ex);
        }
    }

    private void startServing() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setSendXPoweredBy(false);
        // paths are decoded segment by segment by the handler; document keys may contain
        // characters Jetty's default compliance calls ambiguous (e.g. an encoded '%')
        http.setUriCompliance(UriCompliance.UNSAFE);
        server.setErrorHandler(new JsonErrorHandler());
        boolean first = true;
        for (CoordinatorInfo c : cluster.coordinators()) {
            addConnector(c.id(), http, first ? config.coordinatorPort() : 0);
            first = false;
        }
        for (DbServer s : cluster.dbServers()) {
            addConnector(s.id(), http, 0);
        }
        server.start();
        String scheme = config.tls() == null ? "tcp://" : "ssl://";
        for (ServerConnector c : connectors.values()) {
            c.setPort(c.getLocalPort()); // a restarted DB-server rebinds the same port
        }
        for (CoordinatorInfo c : cluster.coordinators()) {
            c.endpoint(scheme + config.host() + ":" + connectors.get(c.id()).getLocalPort());
        }
        for (DbServer s : cluster.dbServers()) {
            s.endpoint(scheme + config.host() + ":" + connectors.get(s.id()).getLocalPort());
        }
        ctx.databases().createSystem();
        ctx.users().ensureRoot(config.rootPassword());
        Map<String, Node> dbNodes = new LinkedHashMap<>();
        for (DbServer s : cluster.dbServers()) {
            Node n =
                    new NodeDispatcher(
                            s.id(), ServerRole.DBSERVER, s::running, Apis.dbServer(ctx, s), ctx);
            dbNodes.put(s.id(), n);
            nodes.put(connectors.get(s.id()), n);
        }
        for (CoordinatorInfo c : cluster.coordinators()) {
            Node n =
                    new NodeDispatcher(
                            c.id(),
                            ServerRole.COORDINATOR,
                            () -> true,
                            Apis.coordinator(ctx, c.id(), c.endpoint(), dbNodes),
                            ctx);
            nodes.put(connectors.get(c.id()), n);
        }
        long retention = config.walRetention().toMillis();
        housekeeping.scheduleWithFixedDelay(
                () -> housekeep(retention),
                HOUSEKEEPING_MILLIS,
                HOUSEKEEPING_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info(
                "emulator serving: coordinators {} DB-servers {}",
                coordinatorUrls(),
                dbServerIds());
    }

    private void housekeep(long retentionMillis) {
        try {
            for (DbServer s : cluster.dbServers()) {
                s.housekeeping(retentionMillis);
            }
            ctx.transactions().expire(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed", e);
        }
    }

    private void addConnector(String id, HttpConfiguration http, int port) {
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        ServerConnector c;
        if (config.tls() != null) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.tls().keyStore().toString());
            ssl.setKeyStorePassword(config.tls().password());
            c =
                    new ServerConnector(
                            server,
                            1,
                            1,
                            new SslConnectionFactory(ssl, factory.getProtocol()),
                            factory);
        } else {
            c = new ServerConnector(server, 1, 1, factory);
        }
        c.setHost(config.host());
        c.setPort(port);
        c.setName(id);
        server.addConnector(c);
        connectors.put(id, c);
    }

    private static String randomHex() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private String url(String serverId) {
        String scheme = config.tls() == null ? "http://" : "https://";
        // the bound port, also while a stopped DB-server's connector is closed
        return scheme + config.host() + ":" + connectors.get(serverId).getPort();
    }

    /** The first coordinator, e.g. {@code http://127.0.0.1:41234}. */
    public String coordinatorUrl() {
        return url(cluster.coordinators().get(0).id());
    }

    public List<String> coordinatorUrls() {
        List<String> out = new ArrayList<>();
        for (CoordinatorInfo c : cluster.coordinators()) {
            out.add(url(c.id()));
        }
        return out;
    }

    /** Coordinator ids ({@code CRDN-xxxxxxxx}), in the order of {@link #coordinatorUrls()}. */
    public List<String> coordinatorIds() {
        List<String> out = new ArrayList<>();
        for (CoordinatorInfo c : cluster.coordinators()) {
            out.add(c.id());
        }
        return out;
    }

    /** DB-server ids ({@code PRMR-xxxxxxxx}) in start order. */
    public List<String> dbServerIds() {
        List<String> out = new ArrayList<>();
        for (DbServer s : cluster.dbServers()) {
            out.add(s.id());
        }
        return out;
    }

    public String dbServerUrl(String serverId) {
        if (cluster.dbServer(serverId) == null) {
            throw new IllegalArgumentException("unknown DB-server " + serverId);
        }
        return url(serverId);
    }

    public Faults faults() {
        return faults;
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Stops every port and the housekeeping thread. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        ports.releaseAll();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the emulator's Jetty server failed", e);
        }
    }

    /**
     * Opens and closes DB-server ports for fault injection. A stopped DB-server's port stays held
     * by a {@link PortReservation}: a client's connect is refused, as by a stopped arangod, and the
     * kernel cannot hand the port to an outgoing connection meanwhile (which made the restart fail
     * with "Address already in use"). The restarted connector binds beside the reservation, which
     * is released only once the connector listens.
     */
    private final class ConnectorPorts implements FaultInjector.Ports {
        private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);
        private final Map<String, PortReservation> reserved = new ConcurrentHashMap<>();

        @Override
        public void close(String serverId) {
            ServerConnector c = connectors.get(serverId);
            try {
                c.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close port of " + serverId, e);
            }
            PortReservation reservation = reserve(c.getHost(), c.getPort());
            if (reservation != null) {
                reserved.put(serverId, reservation);
            }
        }

        @Override
        public void open(String serverId) {
            PortReservation reservation = reserved.remove(serverId);
            try {
                connectors.get(serverId).start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot reopen port of " + serverId, e);
            } finally {
                if (reservation != null) {
                    reservation.close();
                }
            }
        }

        void releaseAll() {
            reserved.values().forEach(PortReservation::close);
            reserved.clear();
        }

        /**
         * Reserves the port as soon as it is free. The connector's listening socket can outlive
         * {@code stop()} for a moment: its acceptor thread may still be in {@code accept()} and
         * holds the socket until it sees the close. Gives up after {@link #RELEASE_TIMEOUT}.
         */
        private static PortReservation reserve(String host, int port) {
            long deadline = System.nanoTime() + RELEASE_TIMEOUT.toNanos();
            while (true) {
                try {
                    return PortReservation.bind(host, port);
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        LOG.warn(
                                "cannot reserve port {} of a stopped DB-server within {}: {}",
                                port,
                                RELEASE_TIMEOUT,
                                e.toString());
                        return null;
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }
}
