package dev.leadstream.persona.memory;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Leads, briefs, drafts and engagements for the memory's tests. */
public final class MemoryBriefs {

    private MemoryBriefs() {
    }

    public static ScoredLead lead(String leadId, String name, String sector, String city, String description) {
        return new ScoredLead(leadId, name, "https://www." + leadId + "/", List.of("hello@" + leadId), List.of("+441130000000"),
                "1 Mill Lane, " + city, description, List.of(), List.of(sector), List.of("https://" + leadId + "/"), "uk", 70, "B",
                List.of(), "prior-v1", Provenance.of("test", "1", null), sector,
                new ScoredLead.Location("1 Mill Lane", "LS1 4AB", city, null, "GB"), null, null, null, null, null, null, null,
                null, null, null);
    }

    public static Brief brief(ScoredLead lead) {
        Campaign campaign = new Campaign("spring", 1, "Spring", Campaign.ACTIVE, null, null, "warm", "Reply",
                List.of("email"), List.of("en"), List.of(), List.of(), null, "ana", null, null);
        return new Brief(lead, List.of(), campaign, new Draft.Persona("The owner of a " + lead.sector(), "warm",
                List.of(lead.sector()), "owner", List.of()), List.of(), "en", null, null, List.of());
    }

    /** A draft for the lead whose email names it, its address, website and phone, as a writer would. */
    public static Draft draft(ScoredLead lead) {
        String text = "Hello " + lead.name() + " team,\n\nYour " + lead.description().toLowerCase() + " caught my eye on https://www."
                + lead.leadId() + "/ and I loved the shop in " + lead.location().city() + ". Shall we talk? Call me, or I can ring you on "
                + "0113 000 0000 - or write to hello@" + lead.leadId() + ".\n\nBest regards, Ana";
        Draft.Message email = new Draft.Message("spring:email:0:llm-a", "email", 0, 0, "hello@" + lead.leadId(),
                "A fresh idea for " + lead.name(), "Two minutes", text, null, List.of(), null, List.of());
        Draft.Message other = new Draft.Message("spring:email:0:llm-b", "email", 0, 0, "hello@" + lead.leadId(),
                "Other", null, "The other variant.", null, List.of(), null, List.of());
        return new Draft(UUID.randomUUID().toString(), lead.leadId(), 1, null, null, List.of(), List.of(), List.of(),
                Provenance.of("persona-agent", "0.1.0", "test"), "uk", "spring", 1, "en", List.of(email, other), List.of(), null);
    }

    public static Engagement engagement(Draft draft, String type, String variant) {
        return new Engagement(UUID.randomUUID().toString(), draft.leadId(), type, "email", draft.draftId(), "uk", variant,
                null, Instant.now(), Provenance.of("outreach-agent", "0.1.0", null));
    }
}
