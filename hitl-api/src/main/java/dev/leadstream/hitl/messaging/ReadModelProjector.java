package dev.leadstream.hitl.messaging;

import dev.leadstream.hitl.repository.DiscoveryRepository;
import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the review database in step with the topics. Every write is an idempotent upsert keyed by
 * lead, draft or event id, so replaying any topic from the beginning gives the same tables.
 */
@ApplicationScoped
public class ReadModelProjector {

    private final Mutiny.SessionFactory sessions;
    private final LeadRepository leads;
    private final DraftRepository drafts;
    private final DiscoveryRepository discoveries;

    public ReadModelProjector(Mutiny.SessionFactory sessions, LeadRepository leads, DraftRepository drafts,
                              DiscoveryRepository discoveries) {
        this.sessions = sessions;
        this.leads = leads;
        this.drafts = drafts;
        this.discoveries = discoveries;
    }

    @Incoming("scored-leads")
    public Uni<Void> onScored(String json) {
        ScoredLead lead = EventJson.read(json, ScoredLead.class);
        return sessions.withTransaction(session -> leads.upsertScored(session, lead)).replaceWithVoid();
    }

    @Incoming("enriched-leads")
    public Uni<Void> onEnriched(String json) {
        EnrichedLead lead = EventJson.read(json, EnrichedLead.class);
        return sessions.withTransaction(session -> leads.upsertEnriched(session, lead)).replaceWithVoid();
    }

    @Incoming("drafts")
    public Uni<Void> onDraft(String json) {
        Draft draft = EventJson.read(json, Draft.class);
        return sessions.withTransaction(session -> drafts.upsert(session, draft)).replaceWithVoid();
    }

    @Incoming("discovery-progress")
    public Uni<Void> onDiscoveryProgress(String json) {
        DiscoveryProgress progress = EventJson.read(json, DiscoveryProgress.class);
        return sessions.withTransaction(session -> discoveries.upsertProgress(session, progress)).replaceWithVoid();
    }

    @Incoming("engagement")
    public Uni<Void> onEngagement(String json) {
        Engagement signal = EventJson.read(json, Engagement.class);
        return sessions.withTransaction(session -> session.createNativeQuery("""
                        insert into engagement (event_id, lead_id, type, channel, at, event)
                        values (:id, :lead, :type, :channel, :at, cast(cast(:event as text) as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter("id", signal.eventId()).setParameter("lead", signal.leadId())
                .setParameter("type", signal.type()).setParameter("channel", signal.channel())
                .setParameter("at", signal.at()).setParameter("event", json)
                .executeUpdate()).replaceWithVoid();
    }
}
