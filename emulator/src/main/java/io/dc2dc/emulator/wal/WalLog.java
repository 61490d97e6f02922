package io.dc2dc.emulator.wal;

/**
 * The append-only marker log of one DB-server, indexed by a logical position and searchable by tick
 * (ticks grow strictly with the position).
 *
 * <p>Appends and purges happen under the owning server's commit lock; readers never lock. Readers
 * first read {@link #end()}, then entries below it: an entry is stored before {@code end} moves
 * past it, and a grown or compacted array is published before {@code end} changes, so everything
 * below a read {@code end} is visible (or already purged).
 */
public final class WalLog {
    private record View(WalEntry[] entries, long base) {}

    private static final int MIN_CAPACITY = 1024;

    private volatile View view = new View(new WalEntry[MIN_CAPACITY], 0);
    private volatile long end;
    private volatile long first;
    private volatile long purgedUpTo;

    /** Appends one entry. Caller holds the server's commit lock. */
    public void append(WalEntry e) {
        View v = view;
        long idx = end;
        int pos = (int) (idx - v.base);
        if (pos >= v.entries.length) {
            v = compact(v, idx, 2);
            pos = (int) (idx - v.base);
        }
        v.entries[pos] = e;
        end = idx + 1;
    }

    private View compact(View v, long endIdx, int growth) {
        long keepFrom = first;
        int live = (int) (endIdx - keepFrom);
        int cap = Math.max(MIN_CAPACITY, live * growth);
        WalEntry[] n = new WalEntry[cap];
        System.arraycopy(v.entries, (int) (keepFrom - v.base), n, 0, live);
        View nv = new View(n, keepFrom);
        view = nv;
        return nv;
    }

    /** One past the last logical position. */
    public long end() {
        return end;
    }

    /** The first logical position still kept. */
    public long first() {
        return first;
    }

    /** The highest tick dropped by purging, 0 if nothing was ever purged. */
    public long purgedUpTo() {
        return purgedUpTo;
    }

    /** The entry at a logical position, or null if it was purged meanwhile. */
    public WalEntry get(long idx) {
        View v = view;
        if (idx < first || idx < v.base || idx >= v.base + v.entries.length) {
            return null;
        }
        return v.entries[(int) (idx - v.base)];
    }

    /** The first position in {@code [first, end)} whose tick is greater than {@code tick}. */
    public long firstAfter(long tick) {
        long lo = first;
        long hi = end;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            WalEntry e = get(mid);
            if (e == null) {
                // purged under our feet: everything before the new first is gone
                lo = Math.max(first, mid + 1);
                continue;
            }
            if (Long.compareUnsigned(e.tick, tick) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The oldest kept entry, or null when the log is empty. */
    public WalEntry oldest() {
        long f = first;
        return f < end ? get(f) : null;
    }

    /**
     * Drops every entry with {@code tick <= upTo} and {@code timeMillis <= olderThan}. Caller holds
     * the server's commit lock. Returns the number of dropped entries.
     */
    public long purge(long upTo, long olderThan) {
        long f = first;
        long e = end;
        long dropped = 0;
        long lastTick = 0;
        while (f < e) {
            WalEntry entry = get(f);
            if (entry.tick > upTo || entry.timeMillis > olderThan) {
                break;
            }
            lastTick = entry.tick;
            f++;
            dropped++;
        }
        if (dropped > 0) {
            first = f;
            purgedUpTo = Math.max(purgedUpTo, lastTick);
            View v = view;
            if (f - v.base > v.entries.length / 2) {
                compact(v, e, 2);
            }
        }
        return dropped;
    }
}
