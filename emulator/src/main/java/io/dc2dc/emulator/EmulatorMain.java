package io.dc2dc.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs an emulated cluster in the foreground (used by {@code scripts/emulator}): prints one line
 * per endpoint, then {@code ready}, and serves until the process is terminated (SIGTERM stops every
 * port through a shutdown hook).
 *
 * <pre>
 * coordinator CRDN-1a2b3c4d http://127.0.0.1:8529
 * dbserver PRMR-5e6f7a8b http://127.0.0.1:40233
 * ready
 * </pre>
 *
 * <p>Bad arguments print one line and exit with code 2.
 */
public final class EmulatorMain {
    static final String USAGE =
            "usage: emulator --port P [--dbservers N] [--coordinators C] [--host H]"
                    + " [--jwt-secret-file F | --jwt-secret-folder D] [--root-password-file F]"
                    + " [--wal-retention-seconds S]";

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorConfig cfg;
        try {
            cfg = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(cfg);
        } catch (RuntimeException e) {
            System.err.println("emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        describe(emulator, System.out);
        Thread.currentThread().join(); // serve until the JVM is terminated
    }

    static void describe(Emulator e, PrintStream out) {
        var urls = e.coordinatorUrls();
        for (int i = 0; i < urls.size(); i++) {
            out.println("coordinator " + coordinatorId(e, i) + " " + urls.get(i));
        }
        for (String id : e.dbServerIds()) {
            out.println("dbserver " + id + " " + e.dbServerUrl(id));
        }
        out.println("ready");
        out.flush();
    }

    private static String coordinatorId(Emulator e, int i) {
        return e.coordinatorIds().get(i);
    }

    /** Parses the command line; throws IllegalArgumentException with a one-line message. */
    static EmulatorConfig parse(String[] args) {
        EmulatorConfig.Builder b = EmulatorConfig.builder();
        boolean port = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a + "; " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> {
                    int p = number(a, v);
                    if (p < 1 || p > 65535) {
                        throw new IllegalArgumentException("--port must be 1-65535, got " + v);
                    }
                    b.coordinatorPort(p);
                    port = true;
                }
                case "--dbservers" -> b.dbServers(positive(a, v));
                case "--coordinators" -> b.coordinators(positive(a, v));
                case "--host" -> b.host(v);
                case "--wal-retention-seconds" -> b.walRetention(Duration.ofSeconds(number(a, v)));
                case "--jwt-secret-file" -> {
                    read(a, v); // a readable file, or a one-line error
                    b.jwtSecretSource(Path.of(v));
                }
                case "--jwt-secret-folder" -> {
                    if (!Files.isDirectory(Path.of(v))) {
                        throw new IllegalArgumentException(a + ": '" + v + "' is no folder");
                    }
                    b.jwtSecretSource(Path.of(v));
                }
                case "--root-password-file" -> b.rootPassword(stripNewline(read(a, v)));
                default ->
                        throw new IllegalArgumentException(
                                "unknown argument '" + a + "'; " + USAGE);
            }
        }
        if (!port) {
            throw new IllegalArgumentException("--port is required; " + USAGE);
        }
        return b.build();
    }

    private static int number(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'");
        }
    }

    private static int positive(String option, String v) {
        int n = number(option, v);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + v);
        }
        return n;
    }

    private static String read(String option, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    option + ": cannot read '" + file + "': " + e.getMessage());
        }
    }

    private static String stripNewline(String s) {
        return s.replaceAll("[\\r\\n]+$", "");
    }
}
