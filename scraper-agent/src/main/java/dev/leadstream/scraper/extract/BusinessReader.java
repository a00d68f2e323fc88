package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.FieldValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a schema.org business item, however it was written, onto a profile. */
final class BusinessReader {

    private static final Set<String> BUSINESS_TYPES = Set.of("localbusiness", "organization", "corporation",
            "store", "restaurant", "bakery", "dentist", "brewery", "winery", "cafeorcoffeeshop", "barorpub", "florist",
            "bookstore", "professionalservice", "medicalbusiness", "medicalclinic", "physician", "dentalclinic",
            "legalservice", "attorney", "accountingservice", "financialservice", "homeandconstructionbusiness",
            "plumber", "electrician", "hvacbusiness", "roofingcontractor", "generalcontractor", "autorepair",
            "automotivebusiness", "beautysalon", "hairsalon", "dayspa", "healthandbeautybusiness", "sportsactivitylocation",
            "exercisegym", "lodgingbusiness", "hotel", "foodestablishment", "fastfoodrestaurant", "realestateagent",
            "travelagency", "veterinarycare", "childcare", "educationalorganization", "ngo", "shoppingcenter",
            "clothingstore", "hardwarestore", "petstore", "grocerystore", "optician", "pharmacy");
    /** Items that are about a page or a thing, never a business, even when they carry an address. */
    private static final Set<String> NOT_BUSINESSES = Set.of("website", "webpage", "breadcrumblist", "listitem",
            "searchaction", "imageobject", "product", "offer", "review", "aggregaterating", "rating", "article",
            "blogposting", "newsarticle", "faqpage", "question", "answer", "event", "person", "itemlist",
            "postaladdress", "geocoordinates", "contactpoint", "openinghoursspecification", "place");
    private static final Pattern YEAR = Pattern.compile("\\b(1[6-9]\\d\\d|20\\d\\d)\\b");
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private final String url;
    private final String method;
    private final double confidence;
    private final String region;

    BusinessReader(String url, String method, double confidence, String region) {
        this.url = url;
        this.method = method;
        this.confidence = confidence;
        this.region = region;
    }

    static boolean isBusiness(Props item) {
        Set<String> types = item.types();
        if (types.stream().anyMatch(BUSINESS_TYPES::contains)) {
            return true;
        }
        boolean describesAPlace = item.text("telephone") != null || !item.items("address").isEmpty()
                || item.text("openingHours") != null;
        return !types.isEmpty() && types.stream().noneMatch(NOT_BUSINESSES::contains) && describesAPlace;
    }

    void read(Props item, PageFacts facts) {
        facts.offerName(value(item.text("name") != null ? item.text("name") : item.text("legalName")));
        facts.offerDescription(value(item.text("description")));
        item.texts("email").forEach(e -> Contacts.email(e).ifPresent(v -> facts.addEmail(value(v))));
        item.texts("telephone").forEach(p -> Contacts.phone(p, region).ifPresent(v -> facts.addPhone(value(v))));
        for (Props contactPoint : item.items("contactPoint")) {
            contactPoint.texts("email").forEach(e -> Contacts.email(e).ifPresent(v -> facts.addEmail(value(v))));
            contactPoint.texts("telephone").forEach(p -> Contacts.phone(p, region).ifPresent(v -> facts.addPhone(value(v))));
        }
        List<Props> addresses = item.items("address");
        if (!addresses.isEmpty()) {
            facts.offerAddress(value(address(addresses.getFirst())));
        } else {
            facts.offerAddress(value(item.text("address")));
        }
        readSizeAndReach(item, facts);
        Props geo = item.items("geo").isEmpty() ? item : item.items("geo").getFirst();
        String lat = geo.text("latitude");
        String lon = geo.text("longitude");
        if (lat != null && lon != null && isCoordinate(lat, 90) && isCoordinate(lon, 180)) {
            facts.offerGeo(value(lat.trim() + "," + lon.trim()));
        }
        item.texts("sameAs").forEach(s -> Contacts.socialProfile(s).ifPresent(v -> facts.addSocialProfile(value(v))));
        item.texts("openingHours").forEach(h -> facts.addOpeningHours(value(h.replaceAll("\\s+", " "))));
        item.items("openingHoursSpecification").forEach(spec -> openingHours(spec).forEach(h -> facts.addOpeningHours(value(h))));
        String founded = item.text("foundingDate");
        if (founded != null) {
            Matcher year = YEAR.matcher(founded);
            if (year.find()) {
                facts.offerFoundingYear(value(year.group(1)));
            }
        }
        item.types().stream().filter(t -> !NOT_BUSINESSES.contains(t))
                .forEach(t -> facts.addCategory(value(t)));
    }

    /**
     * Price range, stated headcount, every premises (its own addresses and those of its locations,
     * departments and branches) and the staff it lists.
     */
    private void readSizeAndReach(Props item, PageFacts facts) {
        facts.offerPriceRange(value(item.text("priceRange")));
        List<Props> headcount = item.items("numberOfEmployees");
        facts.offerEmployees(value(headcount.isEmpty() ? item.text("numberOfEmployees") : quantity(headcount.getFirst())));
        item.items("address").forEach(a -> facts.addLocation(value(address(a))));
        for (String link : List.of("location", "department", "subOrganization")) {
            for (Props place : item.items(link)) {
                place.items("address").forEach(a -> facts.addLocation(value(address(a))));
            }
        }
        for (String link : List.of("employee", "employees", "member")) {
            for (Props person : item.items(link)) {
                readPerson(person, facts);
            }
        }
    }

    /** A person counts as staff when the page gives both a name and a job title. */
    void readPerson(Props person, PageFacts facts) {
        String name = person.text("name");
        if (name != null && !name.isBlank() && person.text("jobTitle") != null) {
            facts.addTeamMember(name, FieldValue.of("1", url, method, confidence));
        }
    }

    void readJobPosting(Props posting, PageFacts facts) {
        facts.addJobPosting(value(posting.text("title")));
    }

    /** schema.org QuantitativeValue: {@code value}, or {@code minValue}-{@code maxValue}. */
    private static String quantity(Props q) {
        if (q.text("value") != null) {
            return q.text("value");
        }
        String min = q.text("minValue");
        String max = q.text("maxValue");
        return min != null && max != null ? min + "-" + max : min != null ? min + "+" : max;
    }

    private static String address(Props address) {
        List<String> parts = new ArrayList<>();
        for (String property : List.of("streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry")) {
            String part = address.text(property);
            if (part != null && !part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts.isEmpty() ? address.text("name") : String.join(", ", parts);
    }

    /** {@code dayOfWeek: [Monday, Tuesday], opens 09:00, closes 17:00} becomes {@code Mo,Tu 09:00-17:00}. */
    private static List<String> openingHours(Props spec) {
        String opens = spec.text("opens");
        String closes = spec.text("closes");
        List<String> days = spec.texts("dayOfWeek").stream()
                .map(d -> d.substring(d.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))
                .filter(d -> List.of(DAYS).contains(d))
                .map(d -> Character.toUpperCase(d.charAt(0)) + d.substring(1, 2))
                .toList();
        if (days.isEmpty() || opens == null || closes == null) {
            return List.of();
        }
        return List.of(String.join(",", days) + " " + hhmm(opens) + "-" + hhmm(closes));
    }

    private static String hhmm(String time) {
        return time.length() >= 5 ? time.substring(0, 5) : time;
    }

    private static boolean isCoordinate(String text, double bound) {
        try {
            double v = Double.parseDouble(text.trim());
            return v >= -bound && v <= bound;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private FieldValue value(String v) {
        return v == null || v.isBlank() ? null : FieldValue.of(v.trim(), url, method, confidence);
    }
}
