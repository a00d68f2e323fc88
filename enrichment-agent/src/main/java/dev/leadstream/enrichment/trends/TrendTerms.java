package dev.leadstream.enrichment.trends;

import dev.leadstream.topics.event.ScoredLead;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new lead contributes to its sector × region's counts: each category it is listed under,
 * the words of its description that carry meaning, and one count under {@link #LEADS}.
 */
public final class TrendTerms {

    /** Counts every new lead, so a trend can say how many arrived in its window. */
    public static final String LEADS = "*leads";
    public static final String CATEGORY = "category:";
    private static final int MAX_WORDS = 12;
    private static final Set<String> STOPWORDS = Set.of("about", "above", "after", "again", "also", "and", "been", "best",
            "both", "come", "each", "every", "from", "have", "here", "into", "just", "like", "local", "made", "make", "more",
            "most", "much", "only", "other", "over", "same", "since", "some", "such", "than", "that", "their", "them", "then",
            "there", "these", "they", "this", "those", "very", "visit", "welcome", "were", "what", "when", "where", "which",
            "while", "with", "your", "ours", "offer", "offers", "family", "friendly", "quality", "service", "services");

    private TrendTerms() {
    }

    /** The board a lead counts on: its sector and its region (or city, or country). */
    public static String boardKey(ScoredLead lead) {
        return sector(lead) + "|" + region(lead);
    }

    public static String sector(ScoredLead lead) {
        return lead.sector() == null ? "unclassified" : lead.sector();
    }

    public static String region(ScoredLead lead) {
        ScoredLead.Location l = lead.location();
        if (l == null) {
            return "unknown";
        }
        String region = l.region() != null ? l.region() : l.city() != null ? l.city() : l.country();
        return region == null ? "unknown" : region.toLowerCase(Locale.ROOT);
    }

    public static List<String> of(ScoredLead lead) {
        Set<String> terms = new LinkedHashSet<>();
        terms.add(LEADS);
        lead.categories().forEach(c -> terms.add(CATEGORY + c.toLowerCase(Locale.ROOT).trim()));
        if (lead.description() != null) {
            int words = 0;
            for (String word : lead.description().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (word.length() >= 4 && !STOPWORDS.contains(word) && terms.add(word) && ++words == MAX_WORDS) {
                    break;
                }
            }
        }
        return List.copyOf(terms);
    }
}
