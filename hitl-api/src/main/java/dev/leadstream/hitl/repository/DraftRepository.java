package dev.leadstream.hitl.repository;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Draft;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

@ApplicationScoped
public class DraftRepository {

    public record DraftRow(String status, Draft draft) {
    }

    /** Keeps the newest version of a draft; an older one redelivered changes nothing. */
    public Uni<Integer> upsert(Mutiny.Session session, Draft draft) {
        return session.createNativeQuery("""
                        insert into drafts (draft_id, lead_id, version, draft, updated_at)
                        values (:id, :lead, :version, cast(cast(:draft as text) as jsonb), now())
                        on conflict (draft_id) do update set version = excluded.version, draft = excluded.draft,
                            updated_at = now()
                        where drafts.version < excluded.version""")
                .setParameter("id", draft.draftId()).setParameter("lead", draft.leadId())
                .setParameter("version", draft.version()).setParameter("draft", EventJson.toJson(draft))
                .executeUpdate();
    }

    public Uni<DraftRow> find(Mutiny.Session session, String draftId) {
        return session.createNativeQuery("select status, cast(draft as text) from drafts where draft_id = :id", Object[].class)
                .setParameter("id", draftId).getResultList()
                .map(rows -> rows.isEmpty() ? null : toRow(rows.get(0)));
    }

    public Uni<List<DraftRow>> ofLead(Mutiny.Session session, String leadId) {
        return session.createNativeQuery("""
                        select status, cast(draft as text) from drafts where lead_id = :lead order by updated_at desc""",
                        Object[].class)
                .setParameter("lead", leadId).getResultList()
                .map(rows -> rows.stream().map(DraftRepository::toRow).toList());
    }

    public Uni<Integer> setStatus(Mutiny.Session session, String draftId, String status) {
        return session.createNativeQuery("update drafts set status = :status, updated_at = now() where draft_id = :id")
                .setParameter("status", status).setParameter("id", draftId).executeUpdate();
    }

    private static DraftRow toRow(Object[] row) {
        return new DraftRow((String) row[0], EventJson.read((String) row[1], Draft.class));
    }
}
