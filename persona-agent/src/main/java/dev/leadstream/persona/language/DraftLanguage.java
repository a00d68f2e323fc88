package dev.leadstream.persona.language;

import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;
import java.util.Optional;

/**
 * The language a lead's content is written in: its site's ({@code <html lang>} as the scraper
 * read it, else what its description and categories are written in), if the campaign writes in
 * it; otherwise the campaign's own (first) language. Without a campaign, any language we write.
 */
public final class DraftLanguage {

    /** The language and how it was chosen, for the draft's findings. */
    public record Choice(String language, String reason) {
    }

    private final LanguageDetector detector;

    public DraftLanguage(LanguageDetector detector) {
        this.detector = detector;
    }

    public Choice of(ScoredLead lead, Campaign campaign) {
        List<String> allowed = campaign == null || campaign.languages().isEmpty() ? Campaign.LANGUAGES : campaign.languages();
        String fallback = allowed.getFirst();
        Optional<Choice> site = siteLanguage(lead);
        if (site.isEmpty()) {
            return new Choice(fallback, "the site's language is unknown; the campaign's own language");
        }
        if (!allowed.contains(site.get().language())) {
            return new Choice(fallback, site.get().reason() + ", which the campaign does not write in; the campaign's own language");
        }
        return site.get();
    }

    private Optional<Choice> siteLanguage(ScoredLead lead) {
        if (lead.site() != null && lead.site().language() != null) {
            return Optional.of(new Choice(lead.site().language(), "the site declares " + lead.site().language() + " (html lang)"));
        }
        String text = String.join(" ", lead.description() == null ? "" : lead.description(), String.join(" ", lead.categories()));
        return detector.detect(text).map(l -> new Choice(l, "the site's description reads as " + l));
    }
}
