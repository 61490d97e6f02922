package io.dc2dc.sink.writer;

import io.dc2dc.arango.model.ChangeEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pending changes of one destination collection, coalesced per document key: a later change of a
 * key replaces an earlier one (the ordering stage already dropped anything older), so one bulk
 * request never carries two versions of a key. Keys of a request still in flight stay buffered
 * until it completes, so two requests in flight never share a key and the writer never reorders a
 * key.
 *
 * <p>Used on the task thread only.
 */
final class CollectionBuffer {

    final String database;
    final String collection;
    private final Map<String, ChangeEvent> byKey = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private long bytes;
    private long oldestAt;

    CollectionBuffer(String database, String collection) {
        this.database = database;
        this.collection = collection;
    }

    /** Adds a change; returns the change in buffered bytes. */
    long add(ChangeEvent e, long now) {
        if (byKey.isEmpty()) {
            oldestAt = now;
        }
        ChangeEvent previous = byKey.put(e.key, e);
        long delta = e.documentBytes() - (previous == null ? 0 : previous.documentBytes());
        bytes += delta;
        return delta;
    }

    int size() {
        return byKey.size();
    }

    long bytes() {
        return bytes;
    }

    /** When the oldest change still buffered arrived (meaningful while not empty). */
    long oldestAt() {
        return oldestAt;
    }

    int inFlightKeys() {
        return inFlight.size();
    }

    /**
     * Takes up to {@code maxDocuments} changes (and about {@code maxBytes}) whose keys are not in
     * flight, in arrival order, and marks their keys in flight.
     */
    Drained drain(int maxDocuments, long maxBytes) {
        List<ChangeEvent> removals = new ArrayList<>();
        List<ChangeEvent> upserts = new ArrayList<>();
        long taken = 0;
        for (Iterator<ChangeEvent> it = byKey.values().iterator(); it.hasNext(); ) {
            if (removals.size() + upserts.size() >= maxDocuments || taken >= maxBytes) {
                break;
            }
            ChangeEvent e = it.next();
            if (inFlight.contains(e.key)) {
                continue;
            }
            it.remove();
            inFlight.add(e.key);
            taken += e.documentBytes();
            if (e.kind == ChangeEvent.Kind.REMOVE) {
                removals.add(e);
            } else {
                upserts.add(e);
            }
        }
        bytes -= taken;
        return new Drained(removals, upserts, taken);
    }

    /** The request carrying {@code drained} completed; its keys may be sent again. */
    void completed(Drained drained) {
        for (ChangeEvent e : drained.removals()) {
            inFlight.remove(e.key);
        }
        for (ChangeEvent e : drained.upserts()) {
            inFlight.remove(e.key);
        }
    }

    record Drained(List<ChangeEvent> removals, List<ChangeEvent> upserts, long bytes) {

        List<String> removalKeys() {
            List<String> keys = new ArrayList<>(removals.size());
            for (ChangeEvent e : removals) {
                keys.add(e.key);
            }
            return keys;
        }

        /** The source shards the changes came from, in first-seen order. */
        Set<String> shards() {
            Set<String> shards = new LinkedHashSet<>();
            for (ChangeEvent e : removals) {
                shards.add(e.shard);
            }
            for (ChangeEvent e : upserts) {
                shards.add(e.shard);
            }
            return shards;
        }

        boolean isEmpty() {
            return removals.isEmpty() && upserts.isEmpty();
        }

        int size() {
            return removals.size() + upserts.size();
        }
    }
}
