package dev.leadstream.topics.streams;

/**
 * Strict UTF-8. The event mapper reads bytes through a decoder that turns malformed sequences into
 * U+FFFD, so a corrupted id would pass for another, valid one; a stream refuses such a record instead.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The offset of the first byte that is not well-formed UTF-8, or -1 when all of it is. */
    static int firstMalformed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + length > bytes.length) {
                return i;
            }
            int codePoint = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }
}
