package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.Set;

/** One thing that happened to outreach: sent, delivered, bounced, opened, clicked, replied, ... */
public record Engagement(
        String eventId,
        String leadId,
        String type,
        String channel,
        String draftId,
        String segment,
        String variant,
        String detail,
        Instant at,
        Provenance provenance) {

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String BOUNCED = "bounced";
    public static final String OPENED = "opened";
    public static final String CLICKED = "clicked";
    public static final String REPLIED = "replied";
    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final String REJECTED = "rejected";

    public static final Set<String> TYPES =
            Set.of(SENT, DELIVERED, BOUNCED, OPENED, CLICKED, REPLIED, UNSUBSCRIBED, REJECTED);
}
