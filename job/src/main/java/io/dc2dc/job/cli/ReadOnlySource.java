package io.dc2dc.job.cli;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;

/**
 * Holds the source cluster in read-only mode for the duration of a switchover and puts its previous
 * mode back on {@link #close()}, also when the CLI is interrupted (a shutdown hook covers Ctrl-C,
 * where {@code finally} blocks do not run). If restoring fails, the error says how to do it by hand
 * instead of hiding the failure that led there.
 */
final class ReadOnlySource implements AutoCloseable {

    private final ArangoClient source;
    private final CliContext ctx;
    private final String previous;
    private final long since;
    private final Thread hook;
    private boolean restored;
    private volatile boolean restoreFailed;

    private ReadOnlySource(ArangoClient source, CliContext ctx) {
        this.source = source;
        this.ctx = ctx;
        this.previous = ServerMode.get(source);
        ServerMode.set(source, ServerMode.READ_ONLY);
        this.since = ctx.now();
        this.hook = new Thread(this::restore, "dc2dc-restore-source-mode");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Puts {@code source} in read-only mode now. */
    static ReadOnlySource enter(ArangoClient source, CliContext ctx) {
        return new ReadOnlySource(source, ctx);
    }

    /** The mode the source had before. */
    String previous() {
        return previous;
    }

    /** True if putting the previous mode back failed (the error was printed). */
    boolean restoreFailed() {
        return restoreFailed;
    }

    /** When the source became read-only (epoch ms, this host's clock). */
    long since() {
        return since;
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    private synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        try {
            ServerMode.set(source, previous);
            ctx.out.println("source mode restored to " + previous);
        } catch (ArangoException e) {
            restoreFailed = true;
            ctx.err.println(
                    "dc2dc: ERROR: could not restore the source's mode to '"
                            + previous
                            + "' ("
                            + e.getMessage()
                            + "); the source may still be read-only. Restore it with"
                            + " PUT /_admin/server/mode {\"mode\":\""
                            + previous
                            + "\"} on a coordinator of "
                            + source.spec().endpoints());
        }
    }
}
