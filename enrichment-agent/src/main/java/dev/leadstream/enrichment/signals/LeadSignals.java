package dev.leadstream.enrichment.signals;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.ScoredLead;

import java.net.URI;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Signals read from what the lead already carries (no second crawl): what its website runs on and
 * how it is built, how it can be contacted, where it is present socially, and what its pages state
 * about its age and hours. Each signal names its evidence.
 */
public final class LeadSignals {

    private final FirmographicHints firmographics = new FirmographicHints();
    private final WebsiteSignals website;

    public LeadSignals(Fingerprints fingerprints) {
        this.website = new WebsiteSignals(fingerprints);
    }

    private static final Set<String> ROLE_MAILBOXES = Set.of("info", "hello", "contact", "office", "sales", "admin",
            "enquiries", "support", "team", "mail", "bookings", "reception");

    public List<Signal> of(ScoredLead lead) {
        List<Signal> signals = new ArrayList<>();
        if (lead.site() != null) {
            signals.addAll(website.of(lead.site()));
        } else if (lead.website() != null) {
            boolean https = lead.website().startsWith("https://");
            signals.add(new Signal("website", "https", Boolean.toString(https), lead.website()));
        }
        for (String email : lead.emails()) {
            String mailbox = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            signals.add(new Signal("contact", "email_kind", ROLE_MAILBOXES.contains(mailbox) ? "role" : "personal", email));
            if (lead.website() != null && !email.endsWith("@" + lead.leadId())) {
                signals.add(new Signal("contact", "email_off_domain", "true", email));
            }
        }
        for (String profile : lead.socialProfiles()) {
            signals.add(new Signal("social", "presence", platformOf(profile), profile));
        }
        signals.add(new Signal("firmographic", "sources", Integer.toString(lead.sourceUrls().size()),
                String.join(" ", lead.sourceUrls())));
        signals.addAll(firmographics.of(lead, Year.now()));
        return signals;
    }

    private static String platformOf(String profile) {
        try {
            String host = URI.create(profile).getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            return host.substring(0, host.indexOf('.'));
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
