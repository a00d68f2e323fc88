package dev.leadstream.scoring.normalise;

import dev.leadstream.scoring.model.MergedLead;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.ScoredLead.Email;
import dev.leadstream.topics.event.ScoredLead.Location;
import dev.leadstream.topics.event.ScoredLead.Signals;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The normalised view of a merged lead: valid contacts, the address in parts, the sector, social
 * handles and website signals, plus completeness and contactability as explicit numbers.
 */
public record LeadStructure(
        List<Email> emails,
        List<String> phones,
        Location location,
        Optional<SectorTaxonomy.Sector> sector,
        Map<String, String> socialHandles,
        Signals signals) {

    private static final Map<String, String> COUNTRY_DOMAINS = Map.ofEntries(Map.entry("uk", "GB"),
            Map.entry("ie", "IE"), Map.entry("de", "DE"), Map.entry("fr", "FR"), Map.entry("es", "ES"),
            Map.entry("it", "IT"), Map.entry("nl", "NL"), Map.entry("au", "AU"), Map.entry("ca", "CA"),
            Map.entry("us", "US"), Map.entry("at", "AT"), Map.entry("ch", "CH"), Map.entry("be", "BE"));

    public static LeadStructure of(MergedLead lead, SectorTaxonomy taxonomy) {
        String websiteCountry = countryOfWebsite(lead.website());
        List<String> phones = lead.phones().values().stream()
                .flatMap(p -> Phones.e164(p.value(), websiteCountry).stream()).distinct().sorted().toList();
        String countryHint = websiteCountry != null || phones.isEmpty() ? websiteCountry : Phones.countryOf(phones.getFirst());
        List<Email> emails = lead.emails().values().stream().flatMap(e -> Emails.valid(e.value()).stream())
                .distinct().sorted().map(Emails::classify).toList();
        Location location = Addresses.parse(value(lead.address()), countryHint);
        List<String> categories = lead.categories().values().stream().map(FieldValue::value).toList();
        Optional<SectorTaxonomy.Sector> sector = taxonomy.sectorOf(categories, value(lead.name()), value(lead.description()));
        Map<String, String> handles = SocialHandles.of(lead.socialProfiles().values().stream().map(FieldValue::value).toList());

        boolean https = lead.website() != null && lead.website().toLowerCase(Locale.ROOT).startsWith("https://");
        long filled = Stream.of(lead.name() != null, lead.website() != null, !emails.isEmpty(), !phones.isEmpty(),
                lead.address() != null, lead.description() != null, !handles.isEmpty(), sector.isPresent())
                .filter(b -> b).count();
        int channels = (emails.isEmpty() ? 0 : 1) + (phones.isEmpty() ? 0 : 1) + (handles.isEmpty() ? 0 : 1);
        Signals signals = new Signals(https, lead.reachable(), Math.round(filled / 8.0 * 100) / 100.0, channels);
        return new LeadStructure(emails, phones, location, sector, handles, signals);
    }

    public boolean hasEmail() {
        return !emails.isEmpty();
    }

    public boolean hasPersonalEmail() {
        return emails.stream().anyMatch(e -> e.kind().equals(Email.PERSONAL));
    }

    public boolean hasPhone() {
        return !phones.isEmpty();
    }

    private static String countryOfWebsite(String website) {
        if (website == null) {
            return null;
        }
        try {
            String host = URI.create(website).getHost();
            return host == null ? null : COUNTRY_DOMAINS.get(host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String value(FieldValue v) {
        return v == null ? null : v.value();
    }
}
