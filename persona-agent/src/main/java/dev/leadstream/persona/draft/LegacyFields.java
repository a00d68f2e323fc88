package dev.leadstream.persona.draft;

import dev.leadstream.topics.event.Draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields readers from before campaigns use, filled from the messages: {@code email} is the
 * first email of step 0 (what outreach-agent sends), {@code socialPosts} the first variant of
 * each other channel's step 0, {@code claims} the first email's statements about the lead and
 * the offering.
 */
final class LegacyFields {

    private LegacyFields() {
    }

    static Draft filled(Draft d) {
        List<Draft.Message> firstTouch = d.messages().stream().filter(m -> m.step() == 0).toList();
        Draft.Message primary = firstTouch.stream().filter(m -> "email".equals(m.channel())).findFirst().orElse(null);
        Draft.Email email = primary == null ? null : new Draft.Email(primary.to(), primary.subject(), primary.text(), primary.html());
        Map<String, Draft.Message> firstOfChannel = new LinkedHashMap<>();
        firstTouch.stream().filter(m -> !"email".equals(m.channel())).forEach(m -> firstOfChannel.putIfAbsent(m.channel(), m));
        List<Draft.SocialPost> social = firstOfChannel.values().stream().map(m -> new Draft.SocialPost(m.channel(), m.text())).toList();
        List<Draft.Claim> claims = primary == null ? List.of() : primary.statements().stream()
                .filter(s -> "lead".equals(s.about()) || "offering".equals(s.about()))
                .map(s -> new Draft.Claim(s.text(), s.factIds())).toList();
        return new Draft(d.draftId(), d.leadId(), d.version(), d.persona(), email, social, claims, d.findings(), d.provenance(),
                d.segment(), d.campaignId(), d.campaignVersion(), d.language(), d.messages(), d.facts(), d.generation());
    }
}
