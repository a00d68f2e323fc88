package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one or more pages (or a listing) said about one business, each value with its evidence.
 * A single-valued field keeps its most confident value; a list field keeps each distinct value
 * once, with its most confident evidence.
 */
public final class PageFacts {

    private static final int MAX_LOCATIONS = 200;
    private static final int MAX_TITLES_SHOWN = 5;

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
    private FieldValue priceRange;
    private FieldValue employees;
    /** Keyed by the street part of the address, so one premises written two ways counts once. */
    private final Map<String, FieldValue> locations = new LinkedHashMap<>();
    /** People a page presents with a job title, by name; only their number leaves the scraper. */
    private final Map<String, FieldValue> teamMembers = new LinkedHashMap<>();
    private final Map<String, FieldValue> jobPostings = new LinkedHashMap<>();
    private final Set<String> contactPageUrls = new LinkedHashSet<>();
    private final Set<String> companyPageUrls = new LinkedHashSet<>();
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

    public void offerPriceRange(FieldValue v) {
        priceRange = better(priceRange, v);
    }

    public void offerEmployees(FieldValue v) {
        employees = better(employees, v);
    }

    /** A premises address; at most {@value #MAX_LOCATIONS} are kept. */
    public void addLocation(FieldValue v) {
        if (v != null && v.value() != null && locations.size() < MAX_LOCATIONS) {
            String street = v.value().split(",", 2)[0].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (!street.isEmpty()) {
                locations.merge(street, v, (a, b) -> b.confidence() > a.confidence() ? b : a);
            }
        }
    }

    /** A person presented with a job title; {@code name} only tells one person from another. */
    public void addTeamMember(String name, FieldValue evidence) {
        teamMembers.putIfAbsent(name.toLowerCase(Locale.ROOT).trim(), evidence);
    }

    /** A job posting; its value is the job title. A title posted on two pages counts once. */
    public void addJobPosting(FieldValue title) {
        if (title != null && title.value() != null && !title.value().isBlank()) {
            jobPostings.putIfAbsent(title.value().toLowerCase(Locale.ROOT).trim(), title);
        }
    }

    public void addCompanyPage(String url) {
        companyPageUrls.add(url);
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
        absorbSizeAndReach(other);
    }

    /**
     * Adds only what another page said about size and reach. A team, careers or locations page
     * names branches, people and jobs, and must not replace the business's own name, address or
     * contacts.
     */
    public void absorbSizeAndReach(PageFacts other) {
        offerPriceRange(other.priceRange);
        offerEmployees(other.employees);
        other.locations.values().forEach(this::addLocation);
        other.teamMembers.forEach(this::addTeamMember);
        other.jobPostings.values().forEach(this::addJobPosting);
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

    /** What the pages stated about size and reach; null when they stated nothing. */
    public Firmographics firmographics() {
        Firmographics stated = new Firmographics(priceRange, List.copyOf(locations.values()), employees,
                count(teamMembers.values(), Integer.toString(teamMembers.size())), openRoles());
        return stated.isEmpty() ? null : stated;
    }

    private FieldValue openRoles() {
        List<String> titles = jobPostings.values().stream().map(FieldValue::value).toList();
        String shown = String.join(", ", titles.subList(0, Math.min(titles.size(), MAX_TITLES_SHOWN)))
                + (titles.size() > MAX_TITLES_SHOWN ? ", ..." : "");
        return count(jobPostings.values(), jobPostings.size() + ": " + shown);
    }

    /** A count, with the evidence of the first page that showed one of what was counted. */
    private static FieldValue count(Collection<FieldValue> counted, String value) {
        return counted.stream().findFirst()
                .map(first -> FieldValue.of(value, first.sourceUrl(), first.method(), first.confidence()))
                .orElse(null);
    }

    public List<String> companyPageUrls() {
        return new ArrayList<>(companyPageUrls);
    }

    public List<String> contactPageUrls() {
        return new ArrayList<>(contactPageUrls);
    }

    public List<String> pagesRead() {
        return new ArrayList<>(pagesRead);
    }
}
