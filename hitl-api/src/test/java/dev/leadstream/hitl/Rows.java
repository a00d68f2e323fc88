package dev.leadstream.hitl;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Rows written straight into the review database, for tests about decisions rather than about
 * the projection: no wait for a topic, and as many leads as a test needs.
 */
final class Rows {

    private Rows() {
    }

    static Connection connect() throws SQLException {
        LocalPostgres postgres = SharedInfra.postgres();
        return postgres.connectAs(Credentials.DB_HITL_API);
    }

    /** New leads, as the projector would write them from scored-leads. */
    static void leads(List<String> leadIds, String segment) throws SQLException {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("""
                insert into leads (lead_id, name, score, tier, segment, lead, has_email)
                values (?, ?, 50, 'C', ?, cast(? as jsonb), true)""")) {
            for (String leadId : leadIds) {
                ScoredLead lead = HitlApiIT.lead(leadId, 50, segment);
                insert.setString(1, leadId);
                insert.setString(2, lead.name());
                insert.setString(3, segment);
                insert.setString(4, EventJson.toJson(lead));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The lead's enrichment signals, as the projector would write them from enriched-leads. */
    static void signals(String leadId, List<EnrichedLead.Signal> signals) throws SQLException {
        try (Connection c = connect(); PreparedStatement update = c.prepareStatement(
                "update leads set signals = cast(? as jsonb) where lead_id = ?")) {
            update.setString(1, EventJson.toJson(signals));
            update.setString(2, leadId);
            update.executeUpdate();
        }
    }

    /** The event a decision wrote to the outbox, or null when it wrote none. */
    static String outboxPayload(String decisionId) throws SQLException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "select cast(payload as text) from outbox where id = cast(? as uuid)")) {
            select.setString(1, decisionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A pending draft, as the projector would write it from drafts. */
    static void draft(Draft draft) throws SQLException {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("""
                insert into drafts (draft_id, lead_id, version, draft) values (?, ?, ?, cast(? as jsonb))""")) {
            insert.setString(1, draft.draftId());
            insert.setString(2, draft.leadId());
            insert.setInt(3, draft.version());
            insert.setString(4, EventJson.toJson(draft));
            insert.executeUpdate();
        }
    }

    /** A campaign at its first version, with the decision that made it, as CampaignService writes it. */
    static void campaign(Campaign campaign) throws SQLException {
        UUID decision = UUID.randomUUID();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement made = c.prepareStatement("""
                         insert into decisions (id, kind, lead_id, subject_id, reviewer, created_at)
                         values (?, 'campaign.created', '-', ?, ?, now())""");
                 PreparedStatement row = c.prepareStatement("""
                         insert into campaigns (campaign_id, current_version, status) values (?, ?, ?)""");
                 PreparedStatement version = c.prepareStatement("""
                         insert into campaign_versions (campaign_id, version, body, edited_by, edited_at, changes, decision_id)
                         values (?, ?, cast(? as jsonb), ?, now(), '[]', ?)""")) {
                made.setObject(1, decision);
                made.setString(2, campaign.campaignId());
                made.setString(3, campaign.updatedBy());
                made.executeUpdate();
                row.setString(1, campaign.campaignId());
                row.setInt(2, campaign.version());
                row.setString(3, campaign.status());
                row.executeUpdate();
                version.setString(1, campaign.campaignId());
                version.setInt(2, campaign.version());
                version.setString(3, EventJson.toJson(campaign));
                version.setString(4, campaign.updatedBy());
                version.setObject(5, decision);
                version.executeUpdate();
            }
            c.commit();
        }
    }
}
