package dev.leadstream.hitl.repository;

import java.util.List;
import java.util.stream.Stream;

/**
 * The orders the lead table can be read in. Each is a list of keys ending in the lead id, so
 * every row has one place in it and keyset pagination can resume after any row.
 */
public enum LeadSort {
    SCORE(true, new Key("score", "integer", false)),
    NAME(false, new Key("coalesce(name, '')", "text", false)),
    UPDATED(true, new Key("updated_at", "timestamptz", false)),
    /** tier A first, best score first inside a tier */
    TIER(false, new Key("tier", "text", false), new Key("score", "integer", true));

    /**
     * One ORDER BY expression and its SQL type. A cursor carries its value as text, which
     * PostgreSQL casts back exactly. {@code reversed} keys run against the main direction.
     */
    public record Key(String sql, String type, boolean reversed) {
    }

    private final boolean descendingByDefault;
    private final List<Key> keys;

    LeadSort(boolean descendingByDefault, Key... keys) {
        this.descendingByDefault = descendingByDefault;
        this.keys = Stream.concat(Stream.of(keys), Stream.of(new Key("lead_id", "text", false))).toList();
    }

    public boolean descendingByDefault() {
        return descendingByDefault;
    }

    public List<Key> keys() {
        return keys;
    }
}
