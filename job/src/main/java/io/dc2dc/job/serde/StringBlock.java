package io.dc2dc.job.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A block of nullable strings written with one length prefix, so that reading it costs one bulk
 * copy out of Flink's network buffer instead of one per string (each such copy goes through
 * bounds-checked {@code Unsafe.copyMemory}, which dominated reading small strings).
 *
 * <pre>
 * varint block length in bytes, then per string: varint (UTF-8 length + 1, or 0 for null), UTF-8 bytes
 * </pre>
 *
 * Varints are unsigned LEB128. Reading and writing go through a {@link Cache}, one per thread (a
 * cache of size 0 remembers nothing).
 */
final class StringBlock {

    private StringBlock() {}

    /**
     * Writes {@code strings} as one block; the leading strings that {@code cache} covers are
     * encoded only when they differ from the previous block's.
     */
    static void write(DataOutputView out, Cache cache, String... strings) throws IOException {
        byte[][] utf8 = cache.utf8Buffer(strings.length);
        int length = 0;
        for (int i = 0; i < strings.length; i++) {
            if (strings[i] == null) {
                utf8[i] = null;
                length += 1;
            } else {
                utf8[i] =
                        i < cache.size
                                ? cache.encoded(i, strings[i])
                                : strings[i].getBytes(StandardCharsets.UTF_8);
                length += varintSize(utf8[i].length + 1) + utf8[i].length;
            }
        }
        writeVarint(out, length);
        for (int i = 0; i < strings.length; i++) {
            byte[] s = utf8[i];
            if (s == null) {
                out.writeByte(0);
            } else {
                writeVarint(out, s.length + 1);
                out.write(s);
            }
        }
    }

    /**
     * Reads a block of exactly {@code count} strings; the leading strings that {@code cache} covers
     * are the previous block's String objects when their bytes are the same.
     */
    static String[] read(DataInputView in, int count, Cache cache) throws IOException {
        int length = readVarint(in);
        byte[] block = new byte[length];
        in.readFully(block);
        String[] strings = new String[count];
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int n = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= length || shift > 28) {
                    throw new IOException("corrupt string block");
                }
                b = block[pos++];
                n |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            if (n != 0) {
                if (n < 0 || n - 1 > length - pos) {
                    throw new IOException("corrupt string block");
                }
                strings[i] =
                        i < cache.size
                                ? cache.decoded(i, block, pos, pos + n - 1)
                                : new String(block, pos, n - 1, StandardCharsets.UTF_8);
                pos += n - 1;
            }
        }
        if (pos != length) {
            throw new IOException("corrupt string block: " + (length - pos) + " bytes left");
        }
        return strings;
    }

    /**
     * The first {@code size} strings of the previous block and their UTF-8 bytes. Consecutive
     * changes mostly carry the same database, collection and shard, so caching them saves encoding
     * and decoding those names (and their garbage) per change. Not thread-safe: one per serializer
     * instance, and Flink gives each thread its own ({@code duplicate()}).
     */
    static final class Cache {
        private final int size;
        private final String[] strings;
        private final byte[][] utf8;
        private byte[][] buffer = new byte[0][];

        Cache(int size) {
            this.size = size;
            this.strings = new String[size];
            this.utf8 = new byte[size][];
        }

        byte[] encoded(int i, String s) {
            if (!s.equals(strings[i])) {
                strings[i] = s;
                utf8[i] = s.getBytes(StandardCharsets.UTF_8);
            }
            return utf8[i];
        }

        String decoded(int i, byte[] block, int from, int to) {
            byte[] known = utf8[i];
            if (known == null || !Arrays.equals(known, 0, known.length, block, from, to)) {
                utf8[i] = Arrays.copyOfRange(block, from, to);
                strings[i] = new String(utf8[i], StandardCharsets.UTF_8);
            }
            return strings[i];
        }

        /** A scratch array for one block's encoded strings, reused from block to block. */
        byte[][] utf8Buffer(int count) {
            if (buffer.length < count) {
                buffer = new byte[count][];
            }
            return buffer;
        }
    }

    /** Copies one block from {@code in} to {@code out} unchanged. */
    static void copy(DataInputView in, DataOutputView out) throws IOException {
        int length = readVarint(in);
        writeVarint(out, length);
        out.write(in, length);
    }

    private static int varintSize(int value) {
        int size = 1;
        while ((value & ~0x7f) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    private static void writeVarint(DataOutputView out, int value) throws IOException {
        while ((value & ~0x7f) != 0) {
            out.writeByte((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarint(DataInputView in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw new IOException("corrupt string block length");
    }
}
