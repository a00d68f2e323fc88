package dev.leadstream.hitl.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * The orders the lead table can be read in. Each is a list of keys ending in the lead id, so
 * every row has one place in it and keyset pagination can resume after any row.
 */
public enum LeadSort {
    SCORE(true, Key.of("score")),
    NAME(false, Key.of("name")),
    UPDATED(true, Key.of("updated")),
    /** tier A first, best score first inside a tier */
    TIER(false, Key.of("tier"), Key.reversed("score"));

    /** One field the rows are ordered by; a {@code reversed} key runs against the main direction. */
    public record Key(String field, boolean reversed) {
        static Key of(String field) {
            return new Key(field, false);
        }

        static Key reversed(String field) {
            return new Key(field, true);
        }
    }

    private final boolean descendingByDefault;
    private final List<Key> keys;

    LeadSort(boolean descendingByDefault, Key... keys) {
        this.descendingByDefault = descendingByDefault;
        this.keys = Stream.concat(Stream.of(keys), Stream.of(Key.of("leadId"))).toList();
    }

    public boolean descendingByDefault() {
        return descendingByDefault;
    }

    public List<Key> keys() {
        return keys;
    }
}
