package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.LeadFilter;
import dev.leadstream.hitl.model.LeadQuery;
import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.hitl.model.LeadTablePage;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.LeadRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Map;

/** The lead table as reviewers read it: keyset pages, facet counts, one lead. */
@ApplicationScoped
public class LeadQueries {

    private final Mutiny.SessionFactory sessions;
    private final LeadRepository leads;
    private final FacetCache facetCache;

    public LeadQueries(Mutiny.SessionFactory sessions, LeadRepository leads, FacetCache facetCache) {
        this.sessions = sessions;
        this.leads = leads;
        this.facetCache = facetCache;
    }

    public Uni<LeadTablePage> page(LeadQuery query) {
        return sessions.withSession(session -> leads.page(session, query));
    }

    /** Facet name → value → how many leads under the filter have it; slow counts may be reused for a few seconds. */
    public Uni<Map<String, Map<String, Long>>> facets(LeadFilter filter) {
        return facetCache.get(filter, () -> sessions.withSession(session -> leads.facets(session, filter)));
    }

    /** The lead, or 404. */
    public Uni<LeadRow> get(String leadId) {
        return sessions.withSession(session -> leads.find(session, leadId)).map(row -> {
            if (row == null) {
                throw ApiProblem.notFound("no lead " + leadId);
            }
            return row;
        });
    }
}
