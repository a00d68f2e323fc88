package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.GenerationFilter;
import dev.leadstream.hitl.model.GenerationRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selections and the drafts written for them, side by side: the latest selection of each lead
 * into each campaign, joined with the drafts of that lead and campaign. A selection without a
 * draft is still being written ({@code requested}); a draft without a selection (one made before
 * campaigns) is listed too.
 */
@ApplicationScoped
public class GenerationRepository {

    /** %1$s narrows both sides (campaign, lead), %2$s is a draft's status, %3$s narrows by the status of the row. */
    private static final String SQL = """
            with s as (
                select distinct on (lead_id, campaign_id) lead_id, campaign_id, campaign_version, reviewer, created_at
                from decisions where kind = 'lead.selected'%1$s
                order by lead_id, campaign_id, created_at desc),
            d as (select * from drafts where true%1$s),
            g as (
                select coalesce(d.lead_id, s.lead_id) as lead_id, coalesce(d.campaign_id, s.campaign_id) as campaign_id,
                       coalesce(cast(d.draft->>'campaignVersion' as integer), s.campaign_version) as campaign_version,
                       s.reviewer as selected_by, s.created_at as selected_at, d.draft_id, d.version,
                       d.draft->>'language' as language, d.draft->'email'->>'subject' as subject,
                       case when d.draft_id is null then 'requested' else %2$s end as status,
                       coalesce(d.updated_at, s.created_at) as updated_at
                from s full join d on d.lead_id = s.lead_id and coalesce(d.campaign_id, '') = coalesce(s.campaign_id, ''))
            select g.lead_id, l.name, g.campaign_id, g.campaign_version, g.selected_by, cast(g.selected_at as text), g.draft_id,
                   g.version, g.language, g.subject, g.status, cast(g.updated_at as text)
            from g left join leads l on l.lead_id = g.lead_id%3$s
            order by g.updated_at desc, g.lead_id, g.draft_id limit :limit""";

    /** Most recently changed first. */
    public Uni<List<GenerationRow>> list(Mutiny.Session session, GenerationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String narrowed = "";
        if (filter.campaignId() != null) {
            narrowed += " and campaign_id = :campaign";
            params.put("campaign", filter.campaignId());
        }
        if (filter.leadId() != null) {
            narrowed += " and lead_id = :lead";
            params.put("lead", filter.leadId());
        }
        String sql = SQL.formatted(narrowed, DraftRepository.GENERATION_STATUS,
                filter.status() == null ? "" : " where g.status = :status");
        if (filter.status() != null) {
            params.put("status", filter.status());
        }
        params.put("limit", filter.limit());
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().map(rows -> rows.stream().map(r -> new GenerationRow((String) r[0], (String) r[1], (String) r[2],
                number(r[3]), (String) r[4], (String) r[5], (String) r[6], number(r[7]), (String) r[8], (String) r[9], (String) r[10],
                (String) r[11])).toList());
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
