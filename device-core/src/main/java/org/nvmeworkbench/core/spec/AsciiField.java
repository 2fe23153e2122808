package org.nvmeworkbench.core.spec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fixed-width ASCII strings of Identify data (SN, MN, FR, SUBNQN): left justified and padded with
 * spaces (NVMe base spec, "Identify Controller Data Structure"). Absolute offsets, no buffer position change.
 */
final class AsciiField {
    private AsciiField() {
    }

    /** The text without its padding; NULs (seen on some drives) count as padding too. */
    static String read(ByteBuffer b, int at, int len) {
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            bytes[i] = b.get(at + i);
        }
        int end = len;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    /** Writes {@code text} space padded; the NQN pads with NULs instead, hence {@code pad}. */
    static void write(ByteBuffer b, int at, int len, String text, byte pad) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) {
            b.put(at + i, i < bytes.length ? bytes[i] : pad);
        }
    }

    static String check(String name, String text, int len) {
        if (text == null) {
            return "";
        }
        if (text.length() > len) {
            throw new IllegalArgumentException(name + " holds at most " + len + " characters, not " + text.length() + ".");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(name + " must be printable ASCII.");
            }
        }
        return text;
    }
}
