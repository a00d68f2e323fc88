package dev.leadstream.hitl;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.ScoredLead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

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
                ScoredLead lead = HitlApiIT.lead(leadId, 50);
                insert.setString(1, leadId);
                insert.setString(2, lead.name());
                insert.setString(3, segment);
                insert.setString(4, EventJson.toJson(lead));
                insert.addBatch();
            }
            insert.executeBatch();
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
}
