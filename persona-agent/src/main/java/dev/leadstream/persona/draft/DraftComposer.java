package dev.leadstream.persona.draft;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.facts.LeadFacts;
import dev.leadstream.persona.guardrails.Guardrails;
import dev.leadstream.persona.language.DraftLanguage;
import dev.leadstream.persona.language.LanguageDetector;
import dev.leadstream.persona.memory.ContentMemory;
import dev.leadstream.persona.persona.PersonaBuilder;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.Instruction;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One draft from one request: the facts, the language, the persona, the writer's content through
 * the grounding gate, then the guardrails. A selection's draft id follows from its decision, so
 * a redelivered decision writes the same draft; a regenerated draft keeps its id and takes the
 * next version.
 */
public final class DraftComposer {

    public static final String AGENT = "persona-agent";
    public static final String VERSION = "0.1.0";

    private final ContentWriter writer;
    private final ContentMemory memory;
    private final DraftLanguage languages = new DraftLanguage(new LanguageDetector());
    private final PersonaBuilder personas = new PersonaBuilder();

    public DraftComposer(ContentWriter writer, ContentMemory memory) {
        this.writer = writer;
        this.memory = memory;
    }

    public Draft compose(DraftRequest request) {
        List<Draft.GuardrailFinding> findings = new ArrayList<>();
        DraftLanguage.Choice language = languages.of(request.lead(), request.campaign());
        findings.add(new Draft.GuardrailFinding("language", Draft.GuardrailFinding.INFO, "written in " + language.language() + ": "
                + language.reason()));
        List<Draft.Fact> facts = new ArrayList<>(LeadFacts.of(request.lead(), request.signals()));
        facts.addAll(CampaignFacts.of(request.campaign(), language.language()));
        Facts known = new Facts(facts);
        Draft.Persona persona = personas.build(known, request.signals(), request.campaign());
        persona = new Draft.Persona(persona.summary(), persona.tone(), persona.interests(), persona.decisionMaker(),
                GroundingReview.persona(persona.statements(), facts, findings));

        Brief unexampled = new Brief(request.lead(), request.signals(), request.campaign(), persona, facts, language.language(),
                request.instruction(), request.previous(), List.of());
        Brief brief = new Brief(request.lead(), request.signals(), request.campaign(), persona, facts, language.language(),
                request.instruction(), request.previous(), memory.examplesFor(unexampled));
        GroundingReview.Reviewed reviewed = GroundingReview.review(writer, brief);
        findings.addAll(reviewed.findings());
        findings.addAll(DraftFindings.of(request, reviewed.messages(), Instruction.parse(request.instruction()), known, language.language()));
        findings.addAll(Guardrails.check(reviewed.messages(), language.language(), known));

        String draftId = request.previous() != null ? request.previous().draftId()
                : UUID.nameUUIDFromBytes(("draft:" + request.decisionId()).getBytes(StandardCharsets.UTF_8)).toString();
        int version = request.previous() != null ? request.previous().version() + 1 : 1;
        Draft draft = LegacyFields.filled(new Draft(draftId, request.lead().leadId(), version, persona, null, List.of(), List.of(), findings,
                Provenance.of(AGENT, VERSION, reviewed.generation().model()), request.lead().segment(),
                request.campaign() == null ? null : request.campaign().campaignId(),
                request.campaign() == null ? null : request.campaign().version(), language.language(), reviewed.messages(), facts,
                reviewed.generation()));
        memory.remember(brief, draft);
        return draft;
    }
}
