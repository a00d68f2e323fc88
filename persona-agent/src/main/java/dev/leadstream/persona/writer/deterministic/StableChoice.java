package dev.leadstream.persona.writer.deterministic;

import java.nio.charset.StandardCharsets;

/**
 * Picks among alternatives by a hash of what is being written (lead, variant, sentence), so two
 * businesses get different sentences and a re-run gets the same ones. FNV-1a, which is stable
 * across JVMs and releases, unlike {@code Object.hashCode} of most types.
 */
final class StableChoice {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private StableChoice() {
    }

    static int index(int size, String... parts) {
        long hash = OFFSET;
        for (String part : parts) {
            for (byte b : (part == null ? "" : part).getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * PRIME;
            }
            hash = (hash ^ 0x1f) * PRIME;
        }
        hash ^= hash >>> 33; // the low bits of FNV mix poorly for short inputs
        return (int) Math.floorMod(hash, (long) size);
    }
}
