package dev.leadstream.persona.memory;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.StyleExample;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The memory on this machine: the in-process embedding model and a Lucene index on disk (see
 * {@link ContentIndex}). Thread-safe. Closing it closes the index; the model is shared.
 */
final class EmbeddedContentMemory implements ContentMemory, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedContentMemory.class);
    /** Drafts are made durable at least this often; an example at once. */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);

    private final Embedder embedder;
    private final ContentIndex index;
    private final List<String> outcomes;
    private final int examples;
    private final double minSimilarity;
    private final Clock clock;
    private Instant lastCommit;

    /**
     * @param outcomes      engagement types that make content an example, strongest first
     * @param examples      how many examples a brief gets at most
     * @param minSimilarity how alike (cosine) a lead must be for its content to count as an example
     */
    EmbeddedContentMemory(Embedder embedder, ContentIndex index, List<String> outcomes, int examples, double minSimilarity, Clock clock) {
        this.embedder = embedder;
        this.index = index;
        this.outcomes = List.copyOf(outcomes);
        this.examples = examples;
        this.minSimilarity = minSimilarity;
        this.clock = clock;
        this.lastCommit = clock.instant();
    }

    @Override
    public void remember(Brief brief, Draft draft) {
        List<RememberedDraft.Message> messages = draft.messages().stream()
                .map(m -> new RememberedDraft.Message(m.variantId(), m.channel(), m.step(), contentOf(m, brief)))
                .toList();
        index.putDraft(new RememberedDraft(draft.draftId(), LeadProfile.of(brief), messages));
        synchronized (this) {
            if (!clock.instant().isBefore(lastCommit.plus(COMMIT_EVERY))) {
                commit();
            }
        }
    }

    /** A weaker outcome (a click after a reply) does not replace a stronger one. */
    @Override
    public boolean learn(Engagement engagement) {
        if (!outcomes.contains(engagement.type()) || engagement.draftId() == null) {
            return false;
        }
        Optional<RememberedDraft> draft = index.draft(engagement.draftId());
        Optional<RememberedDraft.Message> message = draft.flatMap(d -> messageOf(d, engagement));
        if (message.isEmpty()) {
            LOG.debugf("engagement %s names no message this agent remembers", engagement.eventId());
            return false;
        }
        String id = "example:" + engagement.draftId() + ":" + message.get().variantId();
        Optional<String> earlier = index.outcomeOf(id);
        if (earlier.isPresent() && outcomes.indexOf(earlier.get()) <= outcomes.indexOf(engagement.type())) {
            return false;
        }
        float[] vector = embedder.embed(draft.get().profile() + "\n\n" + message.get().text());
        index.putExample(id, message.get().channel(), message.get().text(), engagement.type(), vector);
        synchronized (this) {
            commit();
        }
        return true;
    }

    @Override
    public List<StyleExample> examplesFor(Brief brief) {
        List<String> channels = brief.campaign() == null || brief.campaign().channels().isEmpty()
                ? List.of("email") : brief.campaign().channels();
        return index.nearestExamples(embedder.embed(LeadProfile.of(brief)), examples, channels).stream()
                .filter(hit -> hit.similarity() >= minSimilarity)
                .map(hit -> new StyleExample(hit.id(), hit.channel(), hit.text()))
                .toList();
    }

    @Override
    public void close() {
        index.commit();
        index.close();
    }

    private void commit() {
        index.commit();
        lastCommit = clock.instant();
    }

    /** An email's subject belongs to its style; the lead is taken out of both. */
    private static String contentOf(Draft.Message message, Brief brief) {
        String text = message.subject() == null ? message.text() : "Subject: " + message.subject() + "\n\n" + message.text();
        return ExampleScrubber.scrub(text == null ? "" : text, brief.lead());
    }

    /** The variant the engagement names, else the first touch on its channel. */
    private static Optional<RememberedDraft.Message> messageOf(RememberedDraft draft, Engagement engagement) {
        if (engagement.variant() != null) {
            Optional<RememberedDraft.Message> variant = draft.messages().stream()
                    .filter(m -> m.variantId().equals(engagement.variant())).findFirst();
            if (variant.isPresent()) {
                return variant;
            }
        }
        String channel = engagement.channel() == null ? "email" : engagement.channel();
        return draft.messages().stream().filter(m -> m.channel().equals(channel) && m.step() == 0).findFirst();
    }
}
