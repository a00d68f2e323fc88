package dev.leadstream.persona.facts;

import dev.leadstream.topics.event.Draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A draft's facts by id, with the lookups writers and the persona need. */
public final class Facts {

    private final List<Draft.Fact> all;
    private final Map<String, Draft.Fact> byId = new LinkedHashMap<>();

    public Facts(List<Draft.Fact> facts) {
        this.all = List.copyOf(facts);
        facts.forEach(f -> byId.putIfAbsent(f.id(), f));
    }

    public List<Draft.Fact> all() {
        return all;
    }

    public Optional<Draft.Fact> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<String> value(String id) {
        return get(id).map(Draft.Fact::value).filter(v -> !v.isBlank());
    }

    public boolean has(String id) {
        return value(id).isPresent();
    }

    /** Facts whose field is {@code field}, in order: a signal kind and name ({@code technology.booking}) or a lead field. */
    public List<Draft.Fact> withField(String field) {
        return all.stream().filter(f -> field.equals(f.field())).toList();
    }

    /** Facts whose field starts with {@code prefix}, e.g. every {@code technology.} signal. */
    public List<Draft.Fact> withFieldPrefix(String prefix) {
        return all.stream().filter(f -> f.field() != null && f.field().startsWith(prefix)).toList();
    }

    public Optional<Draft.Fact> first(String field) {
        return withField(field).stream().findFirst();
    }

    /** Adds the fact to {@code facts} when it has a value: an empty field is no fact. */
    static void addIfPresent(List<Draft.Fact> facts, String id, String origin, String field, String value, String source) {
        if (value != null && !value.isBlank()) {
            facts.add(new Draft.Fact(id, origin, field, value.strip(), source));
        }
    }
}
