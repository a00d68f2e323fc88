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

/**
 * Drafts as the persona agent wrote them and reviewers edited them, with each later version (a
 * reviewer's edit or a regeneration) kept in draft_versions.
 */
@ApplicationScoped
public class DraftRepository {

    /**
     * Where a draft {@code d} stands, as {@link DraftRow#generationStatus()} names it: sent once
     * outreach-agent sent it, else approved or rejected, regenerating while the version a reviewer
     * asked to have rewritten is still current, else written.
     */
    static final String GENERATION_STATUS = """
            case when exists (select 1 from engagement e where e.lead_id = d.lead_id and e.type = 'sent'
                                  and e.event->>'draftId' = d.draft_id) then 'sent'
                 when d.status in ('approved', 'rejected') then d.status
                 when d.regenerating_version >= d.version then 'regenerating'
                 else 'written' end""";
    private static final String COLUMNS = "d.status, cast(d.draft as text), " + GENERATION_STATUS;

    /**
     * Keeps the newest version of a pending draft (the next version of a regenerated draft comes
     * with the same id); an older one redelivered changes nothing, and neither does a version
     * arriving for a draft already approved or rejected: the decision was about the one before.
     */
    public Uni<Integer> upsert(Mutiny.Session session, Draft draft) {
        return session.createNativeQuery("""
                        insert into drafts (draft_id, lead_id, version, draft, updated_at)
                        values (:id, :lead, :version, cast(cast(:draft as text) as jsonb), now())
                        on conflict (draft_id) do update set version = excluded.version, draft = excluded.draft,
                            updated_at = now()
                        where drafts.version < excluded.version and drafts.status = 'pending'""")
                .setParameter("id", draft.draftId()).setParameter("lead", draft.leadId())
                .setParameter("version", draft.version()).setParameter("draft", EventJson.toJson(draft))
                .executeUpdate();
    }

    public Uni<DraftRow> find(Mutiny.Session session, String draftId) {
        return session.createNativeQuery("select " + COLUMNS + " from drafts d where d.draft_id = :id", Object[].class)
                .setParameter("id", draftId).getResultList()
                .map(rows -> rows.isEmpty() ? null : toRow(rows.get(0)));
    }

    public Uni<List<DraftRow>> ofLead(Mutiny.Session session, String leadId) {
        return session.createNativeQuery("select " + COLUMNS + " from drafts d where d.lead_id = :lead order by d.updated_at desc",
                        Object[].class)
                .setParameter("lead", leadId).getResultList()
                .map(rows -> rows.stream().map(DraftRepository::toRow).toList());
    }

    /**
     * Marks a pending draft at {@code version} as being written again; answers 0 when it moved on
     * or was decided meanwhile. It stays regenerating until its next version arrives.
     */
    public Uni<Integer> markRegenerating(Mutiny.Session session, String draftId, int version) {
        return session.createNativeQuery("""
                        update drafts set regenerating_version = :version, updated_at = now()
                        where draft_id = :id and version = :version and status = 'pending'""")
                .setParameter("version", version).setParameter("id", draftId).executeUpdate();
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
                .call(updated -> updated == 0 ? Uni.createFrom().voidItem() : recordVersion(session, edited, editor, changes));
    }

    /** Keeps a version in the history with who made it and what it changed; the same version again changes nothing. */
    public Uni<Integer> recordVersion(Mutiny.Session session, Draft version, String editor, List<DraftChange> changes) {
        return session.createNativeQuery("""
                        insert into draft_versions (draft_id, version, draft, edited_by, edited_at, changes)
                        values (:id, :version, cast(cast(:draft as text) as jsonb), :editor, now(),
                                cast(cast(:changes as text) as jsonb))
                        on conflict (draft_id, version) do nothing""")
                .setParameter("id", version.draftId()).setParameter("version", version.version())
                .setParameter("draft", EventJson.toJson(version)).setParameter("editor", editor)
                .setParameter("changes", EventJson.toJson(changes)).executeUpdate();
    }

    /** The versions after the first, oldest first, each with who made it and what it changed. */
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
        return new DraftRow((String) row[0], EventJson.read((String) row[1], Draft.class), (String) row[2]);
    }
}
