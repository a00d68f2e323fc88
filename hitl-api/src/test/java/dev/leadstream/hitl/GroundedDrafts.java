package dev.leadstream.hitl;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.grounding.GroundingGate;

import java.util.ArrayList;
import java.util.List;

/**
 * Drafts as persona-agent writes them for a campaign: a persona, an email for the first touch and
 * a follow-up, a Telegram message, each sentence a statement citing the facts it rests on, every
 * statement checked by the real grounding gate (so a status here is the gate's, not the test's).
 */
public final class GroundedDrafts {

    public static final String PAGE = "https://rose-bakery.test/about";
    public static final String FIRST_EMAIL = "email:0:signal-led";
    public static final String FOLLOW_UP = "email:1:signal-led";
    public static final String TELEGRAM = "telegram:0:signal-led";
    public static final String HOOK = "I saw that you have baked sourdough in Leeds since 2012.";
    public static final String INVENTED = "Rose Bakery has been award-winning since 1990.";

    public static final List<Draft.Fact> FACTS = List.of(
            new Draft.Fact("lead:name", "lead", "name", "Rose Bakery", PAGE),
            new Draft.Fact("lead:location.city", "lead", "location.city", "Leeds", PAGE),
            new Draft.Fact("lead:description", "lead", "description", "Sourdough and rye, baked daily since 2012", PAGE),
            new Draft.Fact("campaign:monthly-price", "campaign", "price", "Tillway costs GBP 29 a month, with no setup fee and no contract.",
                    "brief:4"),
            new Draft.Fact("sender:name", "sender", "name", "Sam Carter", "https://tillway.example/"));

    private GroundedDrafts() {
    }

    /** A draft whose every sentence is supported. */
    public static Draft supported(String draftId, String leadId, String campaignId) {
        return draft(draftId, leadId, campaignId, List.of());
    }

    /** The same draft, its first email carrying one more sentence that the gate finds unsupported. */
    public static Draft withInventedClaim(String draftId, String leadId, String campaignId) {
        return draft(draftId, leadId, campaignId, List.of(statement("invented", INVENTED, "lead:name")));
    }

    private static Draft draft(String draftId, String leadId, String campaignId, List<Draft.Statement> extra) {
        List<Draft.Statement> body = new ArrayList<>(List.of(
                statement("greeting", "Hello Rose Bakery,", "lead:name"),
                statement("hook", HOOK, "lead:description", "lead:location.city")));
        body.addAll(extra);
        body.addAll(List.of(
                statement("offer", "Tillway costs GBP 29 a month, with no setup fee and no contract.", "campaign:monthly-price"),
                statement("cta", "Would a short call next week suit you?"),
                statement("sender", "Sam Carter", "sender:name"),
                statement("unsubscribe", "Unsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER)));
        Draft.Message first = email(FIRST_EMAIL, 0, leadId, statement("subject", "Sourdough in Leeds", "lead:location.city"), body);
        Draft.Message followUp = email(FOLLOW_UP, 1, leadId, statement("subject", "A second look at Tillway", "campaign:monthly-price"), List.of(
                statement("greeting", "Hello again,"),
                statement("offer", "Tillway costs GBP 29 a month, with no setup fee and no contract.", "campaign:monthly-price"),
                statement("sender", "Sam Carter", "sender:name"),
                statement("unsubscribe", "Unsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER)));
        List<Draft.Statement> telegramStatements = checked(List.of(statement("hello", "Hello from Tillway, Rose Bakery!", "lead:name", "campaign:monthly-price")));
        Draft.Message telegram = new Draft.Message(TELEGRAM, "telegram", 0, 0, null, null, null, "Hello from Tillway, Rose Bakery!", null,
                List.of(), null, telegramStatements);
        Draft.Persona persona = new Draft.Persona("The owner-baker of Rose Bakery in Leeds", "warm", List.of("sourdough"), "owner",
                checked(List.of(statement("persona", "Rose Bakery bakes sourdough in Leeds.", "lead:name", "lead:description",
                        "lead:location.city"))));
        List<Draft.Message> messages = List.of(first, followUp, telegram);
        Draft.Email email = new Draft.Email(first.to(), first.subject(), first.text(), first.html());
        return new Draft(draftId, leadId, 1, persona, email, List.of(new Draft.SocialPost("telegram", telegram.text())), List.of(),
                List.of(), Provenance.of("persona-agent", "test", "deterministic"), "uk-food", campaignId, 1, "en", messages, FACTS,
                new Draft.Generation("deterministic", null, null, null, null, null, 1, null, null, List.of()));
    }

    private static Draft.Message email(String variantId, int step, String leadId, Draft.Statement subject, List<Draft.Statement> body) {
        String text = String.join("\n\n", body.stream().map(Draft.Statement::text).toList());
        String html = "<!doctype html><html lang=\"en\"><body>" + String.join("", body.stream().map(s -> s.text().startsWith("Unsubscribe")
                ? "<p style=\"font-size:12px;color:#666666\"><a href=\"" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "\">Unsubscribe</a></p>"
                : "<p>" + s.text() + "</p>").toList()) + "</body></html>";
        List<Draft.Statement> statements = new ArrayList<>(List.of(subject));
        statements.addAll(body);
        return new Draft.Message(variantId, "email", step, step * 3, "info@" + leadId, subject.text(), null, text, html, List.of(), null,
                checked(statements.stream().map(s -> withId(variantId + "/" + s.id(), s)).toList()));
    }

    private static Draft.Statement statement(String id, String text, String... facts) {
        return new Draft.Statement(id, text, facts.length == 0 ? "courtesy" : "lead", List.of(facts), Draft.Statement.UNCHECKED, null);
    }

    private static Draft.Statement withId(String id, Draft.Statement s) {
        return new Draft.Statement(id, s.text(), s.about(), s.factIds(), s.status(), s.reason());
    }

    private static List<Draft.Statement> checked(List<Draft.Statement> statements) {
        return GroundingGate.checkAll(statements, FACTS, "en");
    }
}
