package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.FieldValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one or more pages of a site said about the business, each value with its evidence. */
public final class PageFacts {

    FieldValue name;
    FieldValue address;
    FieldValue description;
    final Map<String, FieldValue> emails = new LinkedHashMap<>();
    final Map<String, FieldValue> phones = new LinkedHashMap<>();
    final Map<String, FieldValue> socialProfiles = new LinkedHashMap<>();
    final Map<String, FieldValue> categories = new LinkedHashMap<>();
    final List<String> contactPageUrls = new ArrayList<>();

    /** Keeps the more confident of two values for a single-valued field. */
    static FieldValue better(FieldValue current, FieldValue candidate) {
        if (candidate == null || candidate.value() == null || candidate.value().isBlank()) {
            return current;
        }
        return current == null || candidate.confidence() > current.confidence() ? candidate : current;
    }

    static void add(Map<String, FieldValue> values, String key, FieldValue candidate) {
        values.merge(key, candidate, (a, b) -> b.confidence() > a.confidence() ? b : a);
    }

    /** Adds what another page of the same site found. */
    public void absorb(PageFacts other) {
        name = better(name, other.name);
        address = better(address, other.address);
        description = better(description, other.description);
        other.emails.forEach((k, v) -> add(emails, k, v));
        other.phones.forEach((k, v) -> add(phones, k, v));
        other.socialProfiles.forEach((k, v) -> add(socialProfiles, k, v));
        other.categories.forEach((k, v) -> add(categories, k, v));
    }

    public FieldValue name() {
        return name;
    }

    public FieldValue address() {
        return address;
    }

    public FieldValue description() {
        return description;
    }

    public List<FieldValue> emails() {
        return List.copyOf(emails.values());
    }

    public List<FieldValue> phones() {
        return List.copyOf(phones.values());
    }

    public List<FieldValue> socialProfiles() {
        return List.copyOf(socialProfiles.values());
    }

    public List<FieldValue> categories() {
        return List.copyOf(categories.values());
    }

    public List<String> contactPageUrls() {
        return List.copyOf(contactPageUrls);
    }
}
