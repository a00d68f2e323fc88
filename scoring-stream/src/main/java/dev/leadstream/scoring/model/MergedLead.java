package dev.leadstream.scoring.model;

import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead.FieldChange;
import dev.leadstream.topics.event.SiteProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything known about one business, merged from every page, source and request that found it.
 * A single-valued field keeps the most confident value, the more recently fetched one on a tie;
 * every value ever seen stays in {@code evidence}, and each change of a winner is in
 * {@code history}. Time comes from the records ({@code fetchedAt}), never from the clock, so a
 * replay from the beginning builds the same lead.
 *
 * @param matchKeys        keys another business would share if it were the same one (see {@link MatchKeys})
 * @param joinedMatchKeys  keys the latest merge added
 * @param retiredMatchKeys keys the latest merge took away
 * @param site             the home page's make-up from the most recent crawl that read it
 */
public record MergedLead(
        String leadId,
        String website,
        FieldValue name,
        FieldValue address,
        FieldValue description,
        Map<String, FieldValue> emails,
        Map<String, FieldValue> phones,
        Map<String, FieldValue> socialProfiles,
        Map<String, FieldValue> categories,
        Map<String, List<FieldValue>> evidence,
        List<FieldChange> history,
        List<String> sourceUrls,
        List<String> discoverySources,
        List<String> requestIds,
        boolean reachable,
        List<String> matchKeys,
        List<String> joinedMatchKeys,
        List<String> retiredMatchKeys,
        Instant updatedAt,
        SiteProfile site) {

    private static final int MAX_SOURCES = 50;
    private static final int MAX_HISTORY = 20;
    private static final int MAX_EVIDENCE_PER_FIELD = 10;
    private static final int MAX_REQUESTS = 20;

    public MergedLead {
        emails = emails == null ? Map.of() : emails;
        phones = phones == null ? Map.of() : phones;
        socialProfiles = socialProfiles == null ? Map.of() : socialProfiles;
        categories = categories == null ? Map.of() : categories;
        evidence = evidence == null ? Map.of() : evidence;
        history = history == null ? List.of() : history;
        sourceUrls = sourceUrls == null ? List.of() : sourceUrls;
        discoverySources = discoverySources == null ? List.of() : discoverySources;
        requestIds = requestIds == null ? List.of() : requestIds;
        matchKeys = matchKeys == null ? List.of() : matchKeys;
        joinedMatchKeys = joinedMatchKeys == null ? List.of() : joinedMatchKeys;
        retiredMatchKeys = retiredMatchKeys == null ? List.of() : retiredMatchKeys;
    }

    public static MergedLead empty() {
        return new MergedLead(null, null, null, null, null, null, null, null, null, null, null, null, null, null, false,
                null, null, null, null, null);
    }

    public MergedLead merge(RawLead raw) {
        Instant at = raw.fetchedAt() != null ? raw.fetchedAt() : updatedAt;
        boolean newer = updatedAt == null || at == null || !at.isBefore(updatedAt);
        List<FieldChange> changes = new ArrayList<>(history);
        FieldValue mergedName = better("name", name, raw.name(), newer, at, changes);
        FieldValue mergedAddress = better("address", address, raw.address(), newer, at, changes);
        FieldValue mergedDescription = better("description", description, raw.description(), newer, at, changes);
        String mergedWebsite = raw.website() != null && (website == null || newer) ? raw.website() : website;
        if (mergedWebsite != null && !mergedWebsite.equals(website) && website != null) {
            changes.add(new FieldChange("website", website, mergedWebsite, raw.pageUrl(), at));
        }

        Map<String, List<FieldValue>> seen = new TreeMap<>(evidence);
        remember(seen, "name", raw.name());
        remember(seen, "address", raw.address());
        remember(seen, "description", raw.description());
        raw.emails().forEach(v -> remember(seen, "emails", v));
        raw.phones().forEach(v -> remember(seen, "phones", v));
        raw.socialProfiles().forEach(v -> remember(seen, "socialProfiles", v));
        raw.categories().forEach(v -> remember(seen, "categories", v));
        // carried for enrichment's firmographic hints, with the page each came from
        remember(seen, "foundingYear", raw.foundingYear());
        raw.openingHours().forEach(v -> remember(seen, "openingHours", v));
        if (raw.firmographics() != null && newer) {
            restate(seen, raw.firmographics());
        }

        MergedLead merged = new MergedLead(raw.leadId(), mergedWebsite, mergedName, mergedAddress, mergedDescription,
                union(emails, raw.emails()), union(phones, raw.phones()), union(socialProfiles, raw.socialProfiles()),
                union(categories, raw.categories()), seen,
                List.copyOf(changes.subList(Math.max(0, changes.size() - MAX_HISTORY), changes.size())),
                added(sourceUrls, raw.pageUrl(), MAX_SOURCES), added(discoverySources, raw.discoverySource(), 10),
                added(requestIds, raw.requestId(), MAX_REQUESTS),
                reachable || !raw.pagesRead().isEmpty(), List.of(), List.of(), List.of(), newer ? at : updatedAt,
                raw.site() != null && (site == null || newer) ? raw.site() : site);
        List<String> keys = MatchKeys.of(merged);
        List<String> joined = new ArrayList<>(keys);
        joined.removeAll(matchKeys);
        List<String> retired = new ArrayList<>(matchKeys);
        retired.removeAll(keys);
        return merged.withMatchKeys(keys, joined, retired);
    }

    private MergedLead withMatchKeys(List<String> keys, List<String> joined, List<String> retired) {
        return new MergedLead(leadId, website, name, address, description, emails, phones, socialProfiles, categories,
                evidence, history, sourceUrls, discoverySources, requestIds, reachable, List.copyOf(keys), List.copyOf(joined),
                List.copyOf(retired), updatedAt, site);
    }

    private static FieldValue better(String field, FieldValue current, FieldValue candidate, boolean newer, Instant at,
                                     List<FieldChange> changes) {
        if (candidate == null || candidate.value() == null || candidate.value().isBlank()) {
            return current;
        }
        boolean wins = current == null || candidate.confidence() > current.confidence()
                || candidate.confidence() == current.confidence() && newer;
        if (!wins) {
            return current;
        }
        if (current == null || !current.value().equals(candidate.value())) {
            changes.add(new FieldChange(field, current == null ? null : current.value(), candidate.value(),
                    candidate.sourceUrl(), at));
        }
        return candidate;
    }

    private static Map<String, FieldValue> union(Map<String, FieldValue> current, List<FieldValue> added) {
        Map<String, FieldValue> merged = new TreeMap<>(current);
        for (FieldValue value : added) {
            if (value.value() == null || value.value().isBlank()) {
                continue;
            }
            String key = value.value().trim().toLowerCase(Locale.ROOT);
            merged.merge(key, value, (a, b) -> b.confidence() >= a.confidence() ? b : a);
        }
        return merged;
    }

    /**
     * What a newer crawl states about size and reach replaces what an older one stated (a team
     * grows, a job is filled); what it does not state is kept.
     */
    private static void restate(Map<String, List<FieldValue>> evidence, Firmographics stated) {
        restate(evidence, "priceRange", stated.priceRange());
        restate(evidence, "employees", stated.employees());
        restate(evidence, "teamSize", stated.teamSize());
        restate(evidence, "openRoles", stated.openRoles());
        if (!stated.locations().isEmpty()) {
            evidence.put("locations", stated.locations());
        }
    }

    private static void restate(Map<String, List<FieldValue>> evidence, String field, FieldValue value) {
        if (value != null) {
            evidence.put(field, List.of(value));
        }
    }

    private static void remember(Map<String, List<FieldValue>> evidence, String field, FieldValue value) {
        if (value == null || value.value() == null) {
            return;
        }
        Set<FieldValue> values = new LinkedHashSet<>(evidence.getOrDefault(field, List.of()));
        if (values.size() < MAX_EVIDENCE_PER_FIELD) {
            values.add(value);
        }
        evidence.put(field, List.copyOf(values));
    }

    private static List<String> added(List<String> list, String value, int max) {
        if (value == null || list.contains(value) || list.size() >= max) {
            return list;
        }
        List<String> grown = new ArrayList<>(list);
        grown.add(value);
        return List.copyOf(grown);
    }
}
