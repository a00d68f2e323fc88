package dev.leadstream.hitl.messaging;

import dev.leadstream.hitl.repository.AuditRepository;
import dev.leadstream.hitl.repository.DiscoveryRepository;
import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.EngagementRepository;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.hitl.service.DraftChanges;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the review database in step with the topics. Every write is an idempotent upsert keyed by
 * lead, draft or event id, so replaying any topic from the beginning gives the same tables. A
 * record that cannot be projected (unreadable, the wrong shape, refused by the database) goes
 * once to its {@code <topic>.dlq}, naming hitl-api, and the next one is projected (see
 * {@link RecordOutcome}).
 */
@ApplicationScoped
public class ReadModelProjector {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent("hitl-api")
            .retrying(DatabaseFailures::isTransient);

    private final Mutiny.SessionFactory sessions;
    private final LeadRepository leads;
    private final DraftRepository drafts;
    private final DiscoveryRepository discoveries;
    private final EngagementRepository engagement;
    private final AuditRepository audit;
    private final MutinyEmitter<byte[]> scoredDeadLetters;

    public ReadModelProjector(Mutiny.SessionFactory sessions, LeadRepository leads, DraftRepository drafts,
                              DiscoveryRepository discoveries, EngagementRepository engagement, AuditRepository audit,
                              @Channel("scored-leads-dead-letters") MutinyEmitter<byte[]> scoredDeadLetters) {
        this.scoredDeadLetters = scoredDeadLetters;
        this.sessions = sessions;
        this.leads = leads;
        this.drafts = drafts;
        this.discoveries = discoveries;
        this.engagement = engagement;
        this.audit = audit;
    }

    private static String at(Provenance provenance) {
        return provenance == null ? "" : String.valueOf(provenance.at());
    }

    /**
     * Scored leads come in batches (one poll) and go into the table in one transaction, with an
     * audit row each. A record that is not a scored lead goes to scored-leads.dlq, with the reason,
     * before the batch is acknowledged; the rest of the batch is projected. When the batch's
     * transaction fails in our code or the database refuses a lead, each lead is projected alone
     * and only the ones that fail again are dead-lettered.
     */
    @Incoming("scored-leads")
    public Uni<Void> onScored(KafkaRecordBatch<String, byte[]> batch) {
        List<Read> scored = new ArrayList<>();
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            try {
                scored.add(new Read(record, IncomingEvent.scoredLead(record)));
            } catch (RuntimeException e) {
                deadLetters.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettered = deadLetters.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(deadLetters).andFailFast().replaceWithVoid();
        return deadLettered
                .chain(() -> projectScored(scored))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private record Read(KafkaRecord<String, byte[]> record, ScoredLead lead) {
    }


    private Uni<Void> projectScored(List<Read> scored) {
        if (scored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ScoredLead> leads = scored.stream().map(Read::lead).toList();
        return Uni.createFrom().deferred(() -> sessions.withTransaction(session -> project(session, leads, 0)))
                .onFailure(DatabaseFailures::isTransient).retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .onFailure().recoverWithUni(e -> scored.size() == 1 ? deadLetter(scored.getFirst().record(), e)
                        : Multi.createFrom().iterable(scored).onItem().transformToUniAndConcatenate(one -> projectScored(List.of(one)))
                                .collect().last().replaceWithVoid());
    }

    private Uni<Void> deadLetter(KafkaRecord<String, byte[]> record, Throwable e) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        RecordHeaders why = new RecordHeaders(DeadLetters.headers(OUTCOME.agent(), record.getTopic(), record.getPartition(),
                offset, e));
        return scoredDeadLetters.sendMessage(Message.of(record.getPayload()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.getKey()).withHeaders(why).build()));
    }

    /** One lead after the other in the batch's transaction, so a lead scored twice ends at its last score. */
    private Uni<Void> project(Mutiny.Session session, List<ScoredLead> scored, int index) {
        if (index == scored.size()) {
            return Uni.createFrom().voidItem();
        }
        ScoredLead lead = scored.get(index);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("score", lead.score());
        detail.put("tier", lead.tier());
        detail.put("segment", lead.segment());
        detail.put("modelVersion", lead.modelVersion());
        detail.put("knockouts", lead.knockouts());
        return leads.upsertScored(session, lead)
                .chain(() -> audit.agentAction(session, "scored:" + lead.leadId() + ":" + lead.modelVersion() + ":" + at(lead.provenance()),
                        lead.provenance(), "lead.scored", lead.leadId(), null, detail))
                .chain(() -> project(session, scored, index + 1));
    }

    @Incoming("enriched-leads")
    public Uni<Void> onEnriched(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> projectEnriched(IncomingEvent.read(record, EnrichedLead.class)));
    }

    private Uni<Void> projectEnriched(EnrichedLead lead) {
        DeadLetters.requireId("leadId", lead.leadId());
        if (lead.lead() == null) {
            throw new IllegalArgumentException("an EnrichedLead without its lead");
        }
        DeadLetters.requireId("lead.leadId", lead.lead().leadId());
        return sessions.withTransaction(session -> leads.upsertEnriched(session, lead)
                .chain(() -> audit.agentAction(session, "enriched:" + lead.leadId() + ":" + at(lead.provenance()), lead.provenance(),
                        "lead.enriched", lead.leadId(), null, Map.of("signals", lead.signals().size())))).replaceWithVoid();
    }

    @Incoming("drafts")
    public Uni<Void> onDraft(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> projectDraft(IncomingEvent.read(record, Draft.class)));
    }

    /**
     * A regenerated draft comes as the next version of the same draft: it replaces the one before
     * and joins the draft's versions with what it changed. Versions hitl-api published itself
     * (reviewers' edits) come back at the version already stored and change nothing.
     */
    private Uni<Void> projectDraft(Draft draft) {
        DeadLetters.requireId("draftId", draft.draftId());
        DeadLetters.requireId("leadId", draft.leadId());
        if (draft.version() < 1) {
            throw new IllegalArgumentException("a Draft's version starts at 1");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", draft.version());
        detail.put("findings", draft.findings().size());
        if (draft.generation() != null && draft.generation().instruction() != null) {
            detail.put("instruction", draft.generation().instruction());
        }
        return sessions.withTransaction(session -> drafts.find(session, draft.draftId()).chain(previous -> drafts.upsert(session, draft)
                .chain(stored -> stored == 0 || previous == null ? Uni.createFrom().item(0) : drafts.recordVersion(session, draft,
                        draft.provenance() == null ? "unknown" : draft.provenance().agent(), DraftChanges.between(previous.draft(), draft)))
                .chain(() -> audit.agentAction(session, "draft:" + draft.draftId() + ":v" + draft.version(), draft.provenance(),
                        "draft.written", draft.leadId(), draft.draftId(), detail)))).replaceWithVoid();
    }

    @Incoming("discovery-progress")
    public Uni<Void> onDiscoveryProgress(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> projectProgress(IncomingEvent.read(record, DiscoveryProgress.class)));
    }

    private Uni<Void> projectProgress(DiscoveryProgress progress) {
        DeadLetters.requireId("requestId", progress.requestId());
        DeadLetters.requireId("state", progress.state());
        return sessions.withTransaction(session -> discoveries.upsertProgress(session, progress)
                .chain(() -> DiscoveryProgress.RUNNING.equals(progress.state()) ? Uni.createFrom().item(0)
                        : audit.agentAction(session, "discovery:" + progress.requestId() + ":" + progress.state(),
                        new Provenance("scraper-agent", null, null, progress.updatedAt()), "discovery." + progress.state(),
                        null, progress.requestId(), Map.of("pagesFetched", progress.pagesFetched(),
                                "leadsFound", progress.leadsFound(),
                                "notes", progress.notes() == null ? List.of() : progress.notes())))).replaceWithVoid();
    }

    @Incoming("engagement")
    public Uni<Void> onEngagement(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> projectEngagement(IncomingEvent.engagement(record),
                new String(record.getPayload(), StandardCharsets.UTF_8)));
    }

    private Uni<Void> projectEngagement(Engagement signal, String json) {
        return sessions.withTransaction(session -> engagement.insert(session, signal, json)
                .chain(() -> audit.agentAction(session, "engagement:" + signal.eventId(), signal.provenance(),
                        "engagement." + signal.type(), signal.leadId(), signal.draftId(),
                        Map.of("channel", String.valueOf(signal.channel()))))).replaceWithVoid();
    }
}
