package dev.leadstream.persona.writer;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deterministic writer: persona and outreach built only from the lead's own facts, each
 * sentence listing the facts it rests on. Used when no LLM is configured, and as the fallback.
 */
public final class TemplateWriter {

    public static final String MODEL = "template-v1";

    /** The same decision always yields the same draft id, so a redelivered decision is harmless. */
    public Draft write(ScoredLead lead, String decisionId) {
        String name = lead.name() == null ? lead.leadId() : lead.name();
        String sector = lead.categories().isEmpty() ? "business" : lead.categories().get(0).toLowerCase(java.util.Locale.ROOT);
        List<Draft.Claim> claims = new ArrayList<>();
        StringBuilder body = new StringBuilder("Hello " + name + " team,\n\n");
        if (lead.description() != null) {
            String line = "I came across " + name + " and liked what you say about yourselves: \"" + lead.description() + "\"";
            body.append(line).append("\n\n");
            claims.add(new Draft.Claim(line, List.of("description")));
        } else {
            String line = "I came across " + name + " while looking at local " + sector + "s.";
            body.append(line).append("\n\n");
            claims.add(new Draft.Claim(line, List.of("name", "categories")));
        }
        body.append("Would you be open to a short call next week to see whether we could help?\n\nBest regards");
        List<Draft.GuardrailFinding> findings = new ArrayList<>();
        String to = lead.emails().isEmpty() ? null : lead.emails().get(0);
        if (to == null) {
            findings.add(new Draft.GuardrailFinding("has-recipient", "block", "the lead has no email address"));
        }
        findings.add(new Draft.GuardrailFinding("grounded", "info", "every claim names the lead facts it rests on"));
        String text = body.toString();
        Draft.Email email = new Draft.Email(to, "A quick idea for " + name, text,
                "<p>" + escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>");
        Draft.Persona persona = new Draft.Persona("Owner or manager of " + name + ", a " + sector
                + (lead.address() == null ? "" : " at " + lead.address()), "friendly, brief", lead.categories());
        List<Draft.SocialPost> social = lead.socialProfiles().isEmpty() ? List.of()
                : List.of(new Draft.SocialPost("instagram", "Hi " + name + "! We'd love to chat about your " + sector + "."));
        String draftId = UUID.nameUUIDFromBytes(("draft:" + decisionId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return new Draft(draftId, lead.leadId(), 1, persona, email, social, claims, findings,
                Provenance.of("persona-agent", "0.1.0", MODEL), lead.segment());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
