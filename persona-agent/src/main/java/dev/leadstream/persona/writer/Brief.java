package dev.leadstream.persona.writer;

import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;

/**
 * Everything a writer may use for one lead and campaign. The facts are the only things the
 * content may claim; the style examples show how content that worked was written, never what is
 * true of this lead.
 *
 * @param language    the language to write in
 * @param instruction a reviewer's instruction for a new version ("shorter"), or null
 * @param previous    the version this one replaces, or null for a first draft
 * @param rejected    statements the grounding gate refused in the writer's previous attempt at this
 *                    brief: write them differently or leave them out
 */
public record Brief(
        ScoredLead lead,
        List<EnrichedLead.Signal> signals,
        Campaign campaign,
        Draft.Persona persona,
        List<Draft.Fact> facts,
        String language,
        String instruction,
        Draft previous,
        List<StyleExample> examples,
        List<Draft.Statement> rejected) {

    public Brief {
        signals = signals == null ? List.of() : List.copyOf(signals);
        facts = facts == null ? List.of() : List.copyOf(facts);
        examples = examples == null ? List.of() : List.copyOf(examples);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public Brief(ScoredLead lead, List<EnrichedLead.Signal> signals, Campaign campaign, Draft.Persona persona,
                 List<Draft.Fact> facts, String language, String instruction, Draft previous, List<StyleExample> examples) {
        this(lead, signals, campaign, persona, facts, language, instruction, previous, examples, List.of());
    }

    /** The same brief for another attempt, after the gate refused {@code statements}. */
    public Brief rejecting(List<Draft.Statement> statements) {
        return new Brief(lead, signals, campaign, persona, facts, language, instruction, previous, examples, statements);
    }
}
