package io.dc2dc.sink.writer;

import io.dc2dc.arango.model.ChangeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending changes of one destination collection, coalesced per document key: a later change of a
 * key replaces an earlier one (the ordering stage already dropped anything older), so one bulk
 * request never carries two versions of a key and the writer never reorders a key.
 */
final class CollectionBuffer {

    final String database;
    final String collection;
    private final Map<String, ChangeEvent> byKey = new LinkedHashMap<>();
    private long bytes;

    CollectionBuffer(String database, String collection) {
        this.database = database;
        this.collection = collection;
    }

    /** Adds a change; returns the change in buffered bytes. */
    long add(ChangeEvent e) {
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

    /** Takes everything out: removals and upserts, each in arrival order. */
    Drained drain() {
        List<String> removals = new ArrayList<>();
        List<ChangeEvent> upserts = new ArrayList<>();
        for (ChangeEvent e : byKey.values()) {
            if (e.kind == ChangeEvent.Kind.REMOVE) {
                removals.add(e.key);
            } else {
                upserts.add(e);
            }
        }
        byKey.clear();
        bytes = 0;
        return new Drained(removals, upserts);
    }

    record Drained(List<String> removals, List<ChangeEvent> upserts) {}
}
