package dev.leadstream.outreach.channel;

import dev.leadstream.topics.event.Draft;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Fills the unsubscribe placeholder persona-agent leaves in every email body. Until the one-click
 * HTTPS endpoint exists, the link is a mailto: to the unsubscribe mailbox, whose subject names the
 * draft so the request can be traced to the lead; the same address goes into List-Unsubscribe.
 */
public record UnsubscribeLink(String mailbox) {

    public String forDraft(String draftId) {
        return "mailto:" + mailbox + "?subject=" + URLEncoder.encode("unsubscribe " + draftId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The List-Unsubscribe header value (RFC 2369). */
    public String header(String draftId) {
        return "<" + forDraft(draftId) + ">";
    }

    /** The body with every placeholder replaced; a body without one is returned as it is. */
    public String fill(String body, String draftId) {
        return body == null ? null : body.replace(Draft.Message.UNSUBSCRIBE_PLACEHOLDER, forDraft(draftId));
    }
}
