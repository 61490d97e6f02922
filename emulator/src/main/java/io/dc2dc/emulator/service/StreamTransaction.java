package io.dc2dc.emulator.service;

import io.dc2dc.emulator.model.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stream transaction ({@code /_api/transaction/begin}): its declared collections and the changes
 * made so far, which become visible (and reach the WALs as one 2200…2201 group per DB-server) only
 * on commit. Operations on one transaction are serialised by its lock.
 */
public final class StreamTransaction {
    private final String id;
    private final Database database;
    private final Set<String> writes;
    private final boolean allowImplicit;
    private final ReentrantLock lock = new ReentrantLock();
    final Overlay overlay = new Overlay();
    final List<Change> changes = new ArrayList<>();
    private volatile String status = "running";
    private volatile long lastUsedMillis = System.currentTimeMillis();

    StreamTransaction(String id, Database database, Set<String> writes, boolean allowImplicit) {
        this.id = id;
        this.database = database;
        this.writes = writes;
        this.allowImplicit = allowImplicit;
    }

    public String id() {
        return id;
    }

    public Database database() {
        return database;
    }

    public String status() {
        return status;
    }

    void status(String s) {
        status = s;
    }

    ReentrantLock lock() {
        return lock;
    }

    boolean mayWrite(String collection) {
        return writes.contains(collection);
    }

    boolean allowImplicit() {
        return allowImplicit;
    }

    void touch() {
        lastUsedMillis = System.currentTimeMillis();
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }
}
