package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Provenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reviewer writes to create a campaign or make its next version: everything but what the
 * service decides itself (version, status, who and when). A statement without an id gets one
 * from its kind ({@code value-1}, {@code price-1}, ...), so drafts can cite it.
 *
 * @param campaignId the new campaign's id when creating; when editing, absent or the same id
 * @param version    when editing, the version the edit was made against (or send {@code If-Match})
 */
public record CampaignEdit(String campaignId, Integer version, String name, Campaign.Offering offering, Campaign.Sender sender,
                           String tone, String callToAction, List<String> channels, List<String> languages,
                           List<String> segments, List<Campaign.Step> sequence, Campaign.SendPreferences sendPreferences) {

    /** The contract record this edit makes, as {@code version} of {@code campaignId} in {@code status}. */
    Campaign toCampaign(String campaignId, int version, String status, String editor, Instant at) {
        return new Campaign(campaignId, version, name, status, withStatementIds(offering), sender, tone, callToAction,
                channels, languages, segments, sequence, sendPreferences, editor, at, provenance(editor));
    }

    /** The same campaign as the next version in another status: what pause, activate and archive publish. */
    static Campaign withStatus(Campaign current, String status, String editor, Instant at) {
        return new Campaign(current.campaignId(), current.version() + 1, current.name(), status, current.offering(),
                current.sender(), current.tone(), current.callToAction(), current.channels(), current.languages(),
                current.segments(), current.sequence(), current.sendPreferences(), editor, at, provenance(editor));
    }

    private static Provenance provenance(String editor) {
        return Provenance.of("hitl-api", "0.1.0", "reviewer:" + editor);
    }

    private static Campaign.Offering withStatementIds(Campaign.Offering offering) {
        Set<String> taken = new HashSet<>();
        offering.statements().stream().map(Campaign.Statement::id).filter(CampaignEdit::given).forEach(taken::add);
        List<Campaign.Statement> statements = new ArrayList<>();
        for (Campaign.Statement s : offering.statements()) {
            String id = s.id();
            for (int n = 1; !given(id); n++) {
                id = taken.contains(s.kind() + "-" + n) ? null : s.kind() + "-" + n;
            }
            taken.add(id);
            statements.add(new Campaign.Statement(id, s.kind(), s.text(), s.source(), s.translations()));
        }
        return new Campaign.Offering(offering.product(), offering.summary(), statements);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
