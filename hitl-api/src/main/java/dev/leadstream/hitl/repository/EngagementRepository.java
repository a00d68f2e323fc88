package dev.leadstream.hitl.repository;

import dev.leadstream.topics.event.Engagement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Engagement signals as they came from the topic, once each. */
@ApplicationScoped
public class EngagementRepository {

    /** Keeps the signal and its JSON as it came; the same event again (a replay) changes nothing. */
    public Uni<Integer> insert(Mutiny.Session session, Engagement signal, String json) {
        return session.createNativeQuery("""
                        insert into engagement (event_id, lead_id, type, channel, at, event)
                        values (:id, :lead, :type, :channel, :at, cast(cast(:event as text) as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter("id", signal.eventId()).setParameter("lead", signal.leadId())
                .setParameter("type", signal.type()).setParameter("channel", signal.channel())
                .setParameter("at", signal.at()).setParameter("event", json)
                .executeUpdate();
    }
}
