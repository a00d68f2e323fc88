package dev.leadstream.scraper.extract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A JSON-LD node. Values may be strings, numbers, arrays, or objects with {@code @value} / {@code name}. */
record JsonLdProps(JsonNode node) implements Props {

    @Override
    public Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.path("@type");
        (type.isArray() ? type : List.of(type)).forEach(t -> {
            if (t.isTextual()) {
                types.addAll(Props.simpleTypes(t.asText()));
            }
        });
        return types;
    }

    @Override
    public List<String> texts(String property) {
        List<String> texts = new ArrayList<>();
        JsonNode value = node.path(property);
        for (JsonNode v : value.isArray() ? value : List.of(value)) {
            if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                texts.add(v.asText().trim());
            } else if (v.isObject() && v.path("@value").isValueNode()) {
                texts.add(v.path("@value").asText().trim());
            } else if (v.isObject() && v.path("name").isTextual()) {
                texts.add(v.path("name").asText().trim());
            }
        }
        return texts;
    }

    @Override
    public List<Props> items(String property) {
        List<Props> items = new ArrayList<>();
        JsonNode value = node.path(property);
        for (JsonNode v : value.isArray() ? value : List.of(value)) {
            if (v.isObject()) {
                items.add(new JsonLdProps(v));
            }
        }
        return items;
    }
}
