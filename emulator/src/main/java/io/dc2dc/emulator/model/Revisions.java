package io.dc2dc.emulator.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Document revisions: ArangoDB's hybrid logical clock {@code (epochMillis << 20) + counter},
 * strictly increasing per emulator, and its 11-character {@code _rev} text encoding (6-bit digits,
 * most significant first, over {@code -_A-Za-z0-9}). Thread-safe.
 */
public final class Revisions {
    private static final String ALPHABET =
            "-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int[] DECODE = new int[128];

    static {
        java.util.Arrays.fill(DECODE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DECODE[ALPHABET.charAt(i)] = i;
        }
    }

    private final AtomicLong last = new AtomicLong();

    /** The next revision: never smaller than now, always larger than every earlier one. */
    public long next() {
        while (true) {
            long prev = last.get();
            long candidate = Math.max(System.currentTimeMillis() << 20, prev + 1);
            if (last.compareAndSet(prev, candidate)) {
                return candidate;
            }
        }
    }

    /** Makes sure later revisions are larger than {@code rev} (after a restore with _rev). */
    public void witness(long rev) {
        last.accumulateAndGet(rev, Math::max);
    }

    public static String encode(long value) {
        if (value == 0) {
            return "-";
        }
        char[] buf = new char[11];
        int pos = buf.length;
        long v = value;
        while (v != 0) {
            buf[--pos] = ALPHABET.charAt((int) (v & 0x3f));
            v >>>= 6;
        }
        return new String(buf, pos, buf.length - pos);
    }

    /**
     * Decodes a {@code _rev} string; decimal strings (as some servers print in remove markers) are
     * accepted too. Returns -1 for anything else.
     */
    public static long decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 11) {
            return decodeDecimal(text);
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = c < 128 ? DECODE[c] : -1;
            if (d < 0) {
                return decodeDecimal(text);
            }
            v = (v << 6) | d;
        }
        return v;
    }

    private static long decodeDecimal(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
