package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.FieldValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one or more pages (or a listing) said about one business, each value with its evidence.
 * A single-valued field keeps its most confident value; a list field keeps each distinct value
 * once, with its most confident evidence.
 */
public final class PageFacts {

    private FieldValue name;
    private FieldValue address;
    private FieldValue geo;
    private FieldValue description;
    private FieldValue language;
    private FieldValue foundingYear;
    private final Map<String, FieldValue> emails = new LinkedHashMap<>();
    private final Map<String, FieldValue> phones = new LinkedHashMap<>();
    private final Map<String, FieldValue> socialProfiles = new LinkedHashMap<>();
    private final Map<String, FieldValue> categories = new LinkedHashMap<>();
    private final Map<String, FieldValue> openingHours = new LinkedHashMap<>();
    private final Set<String> contactPageUrls = new LinkedHashSet<>();
    private final Set<String> pagesRead = new LinkedHashSet<>();

    public void offerName(FieldValue v) {
        name = better(name, v);
    }

    public void offerAddress(FieldValue v) {
        address = better(address, v);
    }

    public void offerGeo(FieldValue v) {
        geo = better(geo, v);
    }

    public void offerDescription(FieldValue v) {
        description = better(description, v);
    }

    public void offerLanguage(FieldValue v) {
        language = better(language, v);
    }

    public void offerFoundingYear(FieldValue v) {
        foundingYear = better(foundingYear, v);
    }

    public void addEmail(FieldValue v) {
        add(emails, v);
    }

    public void addPhone(FieldValue v) {
        add(phones, v);
    }

    public void addSocialProfile(FieldValue v) {
        add(socialProfiles, v);
    }

    public void addCategory(FieldValue v) {
        add(categories, v);
    }

    public void addOpeningHours(FieldValue v) {
        add(openingHours, v);
    }

    public void addContactPage(String url) {
        contactPageUrls.add(url);
    }

    public void pageRead(String url) {
        pagesRead.add(url);
    }

    /** Adds what another page of the same site (or a listing) found. */
    public void absorb(PageFacts other) {
        offerName(other.name);
        offerAddress(other.address);
        offerGeo(other.geo);
        offerDescription(other.description);
        offerLanguage(other.language);
        offerFoundingYear(other.foundingYear);
        other.emails.values().forEach(this::addEmail);
        other.phones.values().forEach(this::addPhone);
        other.socialProfiles.values().forEach(this::addSocialProfile);
        other.categories.values().forEach(this::addCategory);
        other.openingHours.values().forEach(this::addOpeningHours);
        pagesRead.addAll(other.pagesRead);
    }

    /** True when the facts offer a way to reach the business. */
    public boolean hasContact() {
        return !emails.isEmpty() || !phones.isEmpty();
    }

    public boolean isEmpty() {
        return name == null && !hasContact() && address == null;
    }

    private static FieldValue better(FieldValue current, FieldValue candidate) {
        if (candidate == null || candidate.value() == null || candidate.value().isBlank()) {
            return current;
        }
        return current == null || candidate.confidence() > current.confidence() ? candidate : current;
    }

    private static void add(Map<String, FieldValue> values, FieldValue candidate) {
        if (candidate != null && candidate.value() != null && !candidate.value().isBlank()) {
            values.merge(candidate.value(), candidate, (a, b) -> b.confidence() > a.confidence() ? b : a);
        }
    }

    public FieldValue name() {
        return name;
    }

    public FieldValue address() {
        return address;
    }

    public FieldValue geo() {
        return geo;
    }

    public FieldValue description() {
        return description;
    }

    public FieldValue language() {
        return language;
    }

    public FieldValue foundingYear() {
        return foundingYear;
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

    public List<FieldValue> openingHours() {
        return List.copyOf(openingHours.values());
    }

    public List<String> contactPageUrls() {
        return new ArrayList<>(contactPageUrls);
    }

    public List<String> pagesRead() {
        return new ArrayList<>(pagesRead);
    }
}
