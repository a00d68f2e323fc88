package dev.leadstream.scoring.normalise;

import dev.leadstream.topics.event.ScoredLead.Email;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email addresses validated and lower-cased, and told apart: a role address (info@, sales@)
 * reaches a desk; a personal one (jane@, j.smith@) reaches a person.
 */
public final class Emails {

    private static final Pattern VALID = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Set<String> ROLES = Set.of("info", "hello", "contact", "contactus", "enquiries", "enquiry",
            "inquiries", "office", "admin", "sales", "support", "help", "team", "mail", "post", "booking", "bookings",
            "reservations", "orders", "order", "shop", "store", "reception", "service", "customerservice", "accounts",
            "billing", "invoices", "finance", "careers", "jobs", "hr", "press", "media", "marketing", "events", "studio",
            "general", "hi", "hey", "webmaster", "postmaster", "noreply", "no-reply", "privacy", "legal");
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "domain.com", "email.com", "yourdomain.com", "sentry.io");

    private Emails() {
    }

    public static Optional<String> valid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = raw.trim().toLowerCase(Locale.ROOT);
        if (address.startsWith("mailto:")) {
            address = address.substring("mailto:".length());
        }
        if (!VALID.matcher(address).matches() || address.length() > 254) {
            return Optional.empty();
        }
        String domain = address.substring(address.indexOf('@') + 1);
        return PLACEHOLDER_DOMAINS.contains(domain) ? Optional.empty() : Optional.of(address);
    }

    public static Email classify(String address) {
        String local = address.substring(0, address.indexOf('@'));
        String base = local.replaceAll("[0-9]+$", "");
        boolean role = ROLES.contains(base) || ROLES.contains(base.replace(".", "").replace("-", ""))
                || ROLES.stream().anyMatch(r -> base.startsWith(r + ".") || base.startsWith(r + "-"));
        return new Email(address, role ? Email.ROLE : Email.PERSONAL);
    }
}
