package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the law asks of every marketing email, checked again at approval because a reviewer's
 * edit can remove it: the unsubscribe link (the placeholder outreach-agent fills) in the text and
 * HTML bodies, and the sender's postal address. Drafts written before campaigns carry neither
 * and are not held to it.
 */
final class RequiredEmailParts {

    static final String POSTAL_ADDRESS_FACT = "sender:postalAddress";

    private RequiredEmailParts() {
    }

    /** 422 naming every email that lacks a part, or null when none does. */
    static ApiProblem refusal(Draft draft) {
        if (draft.campaignId() == null) {
            return null;
        }
        String address = draft.fact(POSTAL_ADDRESS_FACT).map(Draft.Fact::value).orElse(null);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Draft.Message m : draft.messages()) {
            if (m.channel().equals("email")) {
                check(m.variantId(), m.text(), m.html(), address, missing);
            }
        }
        if (draft.email() != null) {
            check("email", draft.email().textBody(), draft.email().htmlBody(), address, missing);
        }
        if (missing.isEmpty()) {
            return null;
        }
        return new ApiProblem(ProblemType.MISSING_EMAIL_PARTS, 422, "draft " + draft.draftId() + " cannot be approved: "
                + String.join("; ", missing.stream().map(p -> p.get("part") + " has no " + p.get("missing")).toList()),
                Map.of("parts", missing));
    }

    private static void check(String part, String text, String html, String address, List<Map<String, Object>> missing) {
        if (text == null || !text.contains(Draft.Message.UNSUBSCRIBE_PLACEHOLDER)) {
            missing.add(entry(part, "unsubscribe link in its text body"));
        }
        if (html != null && !html.contains(Draft.Message.UNSUBSCRIBE_PLACEHOLDER)) {
            missing.add(entry(part, "unsubscribe link in its HTML body"));
        }
        if (address != null && (text == null || !text.contains(address))) {
            missing.add(entry(part, "postal address of the sender"));
        }
    }

    private static Map<String, Object> entry(String part, String what) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("part", part);
        entry.put("missing", what);
        return entry;
    }
}
