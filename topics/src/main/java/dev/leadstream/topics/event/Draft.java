package dev.leadstream.topics.event;

import java.util.List;

/**
 * A persona and outreach content for one lead, with the facts each claim rests on. {@code segment}
 * is the lead's scoring segment, carried on to engagement so outcomes teach that segment's model.
 */
public record Draft(
        String draftId,
        String leadId,
        int version,
        Persona persona,
        Email email,
        List<SocialPost> socialPosts,
        List<Claim> claims,
        List<GuardrailFinding> findings,
        Provenance provenance,
        String segment) {

    public record Persona(String summary, String tone, List<String> interests) {
        public Persona {
            interests = interests == null ? List.of() : List.copyOf(interests);
        }
    }

    public record Email(String to, String subject, String textBody, String htmlBody) {
    }

    public record SocialPost(String platform, String text) {
    }

    /** A sentence of the content and the lead fields that support it. */
    public record Claim(String text, List<String> facts) {
        public Claim {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    public record GuardrailFinding(String rule, String severity, String message) {
    }

    public Draft {
        socialPosts = socialPosts == null ? List.of() : List.copyOf(socialPosts);
        claims = claims == null ? List.of() : List.copyOf(claims);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
