package dev.leadstream.topics.event;

import java.util.List;

/** A scored lead plus the signals that help a reviewer decide: trends, technology, lookalikes. */
public record EnrichedLead(String leadId, ScoredLead lead, List<Signal> signals, Provenance provenance) {

    /** One observation about a lead, with the evidence it rests on. */
    public record Signal(String kind, String name, String value, String evidence) {
    }

    public EnrichedLead {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
