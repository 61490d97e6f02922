package io.dc2dc.arango.rev;

/**
 * Codec for ArangoDB document revisions ({@code _rev}).
 *
 * <p>A revision is a 64-bit hybrid-logical-clock value: milliseconds since 1970 shifted left by 20
 * bits plus a 20-bit counter. On the wire it is written most significant digit first in 6-bit
 * digits over the alphabet {@value #ALPHABET}, without padding (usually 11 characters):
 *
 * <pre>
 * "_l6zhVVS---" = 1872607071813238784 = (1786894069109 &lt;&lt; 20) + 0 → 2026-08-04T15:27:49.109Z
 * </pre>
 *
 * <p>Remove markers of some server versions carry the revision as a decimal string instead; {@link
 * #parse} accepts both. Pure functions, thread-safe.
 */
public final class Revisions {

    /** The 64 digits of the encoding, digit value = index. */
    public static final String ALPHABET =
            "-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Bits of the logical counter below the millisecond timestamp. */
    public static final int COUNTER_BITS = 20;

    private static final int MAX_ENCODED_LENGTH = 11;
    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DECODE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Revisions() {}

    /** Encodes a revision in ArangoDB's {@code _rev} form; {@code 0} encodes as {@code ""}. */
    public static String encode(long revision) {
        char[] out = new char[MAX_ENCODED_LENGTH];
        int pos = MAX_ENCODED_LENGTH;
        long t = revision;
        while (t != 0) {
            out[--pos] = ALPHABET.charAt((int) (t & 0x3f));
            t >>>= 6;
        }
        return new String(out, pos, MAX_ENCODED_LENGTH - pos);
    }

    /**
     * Decodes a {@code _rev} string in ArangoDB's encoding.
     *
     * @throws IllegalArgumentException if the string is empty, too long, contains a character
     *     outside the alphabet, or does not fit into 64 bits
     */
    public static long decode(String rev) {
        if (rev == null || rev.isEmpty() || rev.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("not an encoded revision: " + quote(rev));
        }
        long r = 0;
        for (int i = 0; i < rev.length(); i++) {
            char c = rev.charAt(i);
            int digit = c < 128 ? DECODE[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not an encoded revision: " + quote(rev));
            }
            // 11 digits hold 66 bits; the leading digit may use only the 4 lowest of its bits
            if (i == 0 && rev.length() == MAX_ENCODED_LENGTH && digit > 0xf) {
                throw new IllegalArgumentException("revision exceeds 64 bits: " + quote(rev));
            }
            r = (r << 6) | digit;
        }
        return r;
    }

    /**
     * Parses a revision written either in ArangoDB's encoding or as a decimal number (as remove
     * markers of some server versions do). A string of decimal digits is read as a decimal number,
     * mirroring arangod's {@code RevisionId::fromString}; real encoded revisions never consist of
     * digits only because their leading digit is at most {@code 'N'}.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static long parse(String rev) {
        if (rev != null && !rev.isEmpty() && isDecimal(rev)) {
            try {
                return Long.parseUnsignedLong(rev);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("revision exceeds 64 bits: " + quote(rev), e);
            }
        }
        return decode(rev);
    }

    /** The wall-clock milliseconds since 1970 at which the revision was issued. */
    public static long timeMillis(long revision) {
        return revision >>> COUNTER_BITS;
    }

    /** The logical counter part of a revision. */
    public static int counter(long revision) {
        return (int) (revision & ((1L << COUNTER_BITS) - 1));
    }

    /** The revision made of a millisecond timestamp and a counter (0 ≤ counter &lt; 2^20). */
    public static long of(long timeMillis, int counter) {
        if (counter < 0 || counter >= (1 << COUNTER_BITS)) {
            throw new IllegalArgumentException("counter out of range: " + counter);
        }
        return (timeMillis << COUNTER_BITS) | counter;
    }

    private static boolean isDecimal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        return s == null ? "null" : '"' + s + '"';
    }
}
