package io.dc2dc.job.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Varints are unsigned LEB128. Stateless; thread-safe.
 */
final class StringBlock {

    private StringBlock() {}

    static void write(DataOutputView out, String... strings) throws IOException {
        byte[][] utf8 = new byte[strings.length][];
        int length = 0;
        for (int i = 0; i < strings.length; i++) {
            if (strings[i] == null) {
                length += 1;
            } else {
                utf8[i] = strings[i].getBytes(StandardCharsets.UTF_8);
                length += varintSize(utf8[i].length + 1) + utf8[i].length;
            }
        }
        writeVarint(out, length);
        for (byte[] s : utf8) {
            if (s == null) {
                out.writeByte(0);
            } else {
                writeVarint(out, s.length + 1);
                out.write(s);
            }
        }
    }

    /** Reads a block of exactly {@code count} strings. */
    static String[] read(DataInputView in, int count) throws IOException {
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
                strings[i] = new String(block, pos, n - 1, StandardCharsets.UTF_8);
                pos += n - 1;
            }
        }
        if (pos != length) {
            throw new IOException("corrupt string block: " + (length - pos) + " bytes left");
        }
        return strings;
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
