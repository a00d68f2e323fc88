package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.DraftChange;
import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.DraftVersion;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Draft;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Drafts as the persona agent wrote them and reviewers edited them, with each saved version. */
@ApplicationScoped
public class DraftRepository {

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

    /**
     * Replaces the draft with its edited next version, only if it is still at {@code expectedVersion};
     * answers how many rows changed (0: someone else changed it first). The version and what
     * changed are kept in draft_versions.
     */
    public Uni<Integer> saveEdit(Mutiny.Session session, Draft edited, int expectedVersion, String editor,
                                 List<DraftChange> changes) {
        return session.createNativeQuery("""
                        update drafts set version = :version, draft = cast(cast(:draft as text) as jsonb), updated_at = now()
                        where draft_id = :id and version = :expected and status = 'pending'""")
                .setParameter("version", edited.version()).setParameter("draft", EventJson.toJson(edited))
                .setParameter("id", edited.draftId()).setParameter("expected", expectedVersion)
                .executeUpdate()
                .call(updated -> updated == 0 ? Uni.createFrom().voidItem() : session.createNativeQuery("""
                                insert into draft_versions (draft_id, version, draft, edited_by, edited_at, changes)
                                values (:id, :version, cast(cast(:draft as text) as jsonb), :editor, now(),
                                        cast(cast(:changes as text) as jsonb))""")
                        .setParameter("id", edited.draftId()).setParameter("version", edited.version())
                        .setParameter("draft", EventJson.toJson(edited)).setParameter("editor", editor)
                        .setParameter("changes", EventJson.toJson(changes)).executeUpdate());
    }

    /** The versions reviewers saved, oldest first, each with what it changed. */
    public Uni<List<DraftVersion>> versions(Mutiny.Session session, String draftId) {
        return session.createNativeQuery("""
                        select version, edited_by, cast(edited_at as text), cast(changes as text) from draft_versions
                        where draft_id = :id order by version""", Object[].class)
                .setParameter("id", draftId).getResultList()
                .map(rows -> rows.stream().map(r -> new DraftVersion(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                        List.of(EventJson.read((String) r[3], DraftChange[].class)))).toList());
    }

    /**
     * Moves a pending draft at {@code version} to {@code status}; answers 0 when another decision
     * or edit got there first. Two reviewers deciding at once: the second waits for the first's
     * commit, then finds no pending row.
     */
    public Uni<Integer> decide(Mutiny.Session session, String draftId, int version, String status) {
        return session.createNativeQuery("""
                        update drafts set status = :status, updated_at = now()
                        where draft_id = :id and version = :version and status = 'pending'""")
                .setParameter("status", status).setParameter("id", draftId).setParameter("version", version)
                .executeUpdate();
    }

    /** Replaces a pending draft's content at the same version (the sanitised HTML and its finding). */
    public Uni<Integer> replaceContent(Mutiny.Session session, Draft draft) {
        return session.createNativeQuery("""
                        update drafts set draft = cast(cast(:draft as text) as jsonb), updated_at = now()
                        where draft_id = :id and version = :version and status = 'pending'""")
                .setParameter("draft", EventJson.toJson(draft)).setParameter("id", draft.draftId())
                .setParameter("version", draft.version()).executeUpdate();
    }

    private static DraftRow toRow(Object[] row) {
        return new DraftRow((String) row[0], EventJson.read((String) row[1], Draft.class));
    }
}
