package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.CampaignOption;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.CampaignRepository;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign a lead is selected into: the one the reviewer named or, when they named none, the
 * only active campaign. Resolved in the deciding transaction, so its version stays current until
 * the selection commits; whether a campaign takes selections at all is
 * {@link CampaignService#forSelection}'s to say.
 */
@ApplicationScoped
public class SelectionCampaign {

    public static final String FIELD = "campaignId";
    /** Most campaigns a selection form offers. */
    private static final int OFFERED = 100;

    private final Mutiny.SessionFactory sessions;
    private final CampaignService campaigns;
    private final CampaignRepository repository;

    public SelectionCampaign(Mutiny.SessionFactory sessions, CampaignService campaigns, CampaignRepository repository) {
        this.sessions = sessions;
        this.campaigns = campaigns;
        this.repository = repository;
    }

    /** The active campaigns, most recently changed first: what a selection form offers. */
    public Uni<List<CampaignOption>> offered() {
        return sessions.withSession(session -> repository.list(session, Campaign.ACTIVE, OFFERED))
                .map(active -> active.stream().map(c -> new CampaignOption(c.campaignId(), c.name(), c.version())).toList());
    }

    public Uni<Campaign> resolve(Mutiny.Session session, String campaignId) {
        if (campaignId != null) {
            return campaigns.forSelection(session, campaignId);
        }
        return repository.list(session, Campaign.ACTIVE, 2).chain(active -> {
            if (active.size() != 1) {
                throw new ApiProblem(null, 422, FIELD + " must name the campaign to select into: "
                        + (active.isEmpty() ? "no campaign is active" : "more than one campaign is active"), Map.of("field", FIELD));
            }
            return campaigns.forSelection(session, active.getFirst().campaignId());
        });
    }

    /** Why the campaign is not for this lead (its segment is not one the campaign targets), or null when it is. */
    public static String offTarget(Campaign campaign, ScoredLead lead) {
        if (campaign.segments().isEmpty() || campaign.segments().contains(lead.segment())) {
            return null;
        }
        return "segment " + lead.segment() + " is not one campaign " + campaign.campaignId() + " targets ("
                + String.join(", ", campaign.segments()) + ")";
    }

    /** 422 for a single selection the campaign does not target, naming both sides. */
    public static ApiProblem notTargeted(Campaign campaign, ScoredLead lead) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", FIELD);
        members.put("segment", String.valueOf(lead.segment()));
        members.put("segments", campaign.segments());
        return new ApiProblem(null, 422, "lead " + lead.leadId() + " cannot be selected into campaign " + campaign.campaignId()
                + ": its " + offTarget(campaign, lead), members);
    }
}
