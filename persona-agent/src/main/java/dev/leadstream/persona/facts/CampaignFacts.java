package dev.leadstream.persona.facts;

import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign lets us say, as facts: its product ({@code campaign:product}), summary
 * ({@code campaign:summary}) and call to action ({@code campaign:call-to-action}), every offering
 * statement in the draft's language ({@code campaign:<statement id>}), and the sender
 * ({@code sender:<field>}).
 */
public final class CampaignFacts {

    public static final String PRODUCT = "campaign:product";
    public static final String SUMMARY = "campaign:summary";
    public static final String CALL_TO_ACTION = "campaign:call-to-action";
    public static final String SENDER_NAME = "sender:name";
    public static final String SENDER_COMPANY = "sender:company";
    public static final String SENDER_ROLE = "sender:role";
    public static final String SENDER_ADDRESS = "sender:postalAddress";
    public static final String SENDER_WEBSITE = "sender:website";

    private CampaignFacts() {
    }

    public static String statementId(Campaign.Statement statement) {
        return "campaign:" + statement.id();
    }

    /** Whether the campaign states this in {@code language}: it is its own language, or a translation exists. */
    public static boolean speaks(Campaign campaign, Campaign.Statement statement, String language) {
        return statement.translations().containsKey(language)
                || (!campaign.languages().isEmpty() && campaign.languages().getFirst().equals(language));
    }

    public static List<Draft.Fact> of(Campaign campaign, String language) {
        if (campaign == null) {
            return List.of();
        }
        List<Draft.Fact> facts = new ArrayList<>();
        Campaign.Sender sender = campaign.sender();
        String brief = "campaign:" + campaign.campaignId() + "@" + campaign.version();
        String site = sender != null && sender.website() != null ? sender.website() : brief;
        if (campaign.offering() != null) {
            Facts.addIfPresent(facts, PRODUCT, "campaign", "product", campaign.offering().product(), site);
            Facts.addIfPresent(facts, SUMMARY, "campaign", "summary", campaign.offering().summary(), brief);
            for (Campaign.Statement s : campaign.offering().statements()) {
                Facts.addIfPresent(facts, statementId(s), "campaign", s.kind(), s.in(language), s.source());
            }
        }
        Facts.addIfPresent(facts, CALL_TO_ACTION, "campaign", "callToAction", campaign.callToAction(), brief);
        if (sender != null) {
            Facts.addIfPresent(facts, SENDER_NAME, "sender", "name", sender.name(), brief);
            Facts.addIfPresent(facts, SENDER_COMPANY, "sender", "company", sender.company(), brief);
            Facts.addIfPresent(facts, SENDER_ROLE, "sender", "role", sender.role(), brief);
            Facts.addIfPresent(facts, "sender:email", "sender", "email", sender.email(), brief);
            Facts.addIfPresent(facts, "sender:replyTo", "sender", "replyTo", sender.replyTo(), brief);
            Facts.addIfPresent(facts, SENDER_ADDRESS, "sender", "postalAddress", sender.postalAddress(), brief);
            Facts.addIfPresent(facts, SENDER_WEBSITE, "sender", "website", sender.website(), brief);
        }
        return List.copyOf(facts);
    }
}
