package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the law and the mailbox providers require of a commercial email: a text part beside the
 * HTML, the sender's postal address (CAN-SPAM, the EU's e-commerce rules) and a way to
 * unsubscribe in both parts (the placeholder outreach-agent fills with the one-click link).
 */
final class RequiredEmailParts implements ContentRule {

    static final String TEXT_PART = "text-part";
    static final String POSTAL_ADDRESS = "postal-address";
    static final String UNSUBSCRIBE = "unsubscribe";

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message m, String language, Facts facts) {
        if (!"email".equals(m.channel())) {
            return List.of();
        }
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        if (m.text() == null || m.text().isBlank()) {
            found.add(ContentRule.block(TEXT_PART, m, "the email has no text part"));
        }
        Optional<String> address = facts.value(CampaignFacts.SENDER_ADDRESS);
        if (address.isEmpty() || m.text() == null || !m.text().contains(address.get())) {
            found.add(ContentRule.block(POSTAL_ADDRESS, m, address.isEmpty()
                    ? "the campaign's sender has no postal address for the footer" : "the sender's postal address is missing"));
        }
        String placeholder = Draft.Message.UNSUBSCRIBE_PLACEHOLDER;
        if (m.text() == null || !m.text().contains(placeholder) || m.html() == null || !m.html().contains(placeholder)) {
            found.add(ContentRule.block(UNSUBSCRIBE, m, "the unsubscribe placeholder " + placeholder + " must be in the text and the HTML"));
        }
        return found;
    }
}
