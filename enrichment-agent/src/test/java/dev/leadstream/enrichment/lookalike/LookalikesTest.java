package dev.leadstream.enrichment.lookalike;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookalikes with the real in-process model and the real Lucene index. */
public class LookalikesTest {

    private static Embedder embedder;

    @BeforeAll
    static void loadModel() {
        embedder = new Embedder(1);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    /** Three leads most tests need: two bakeries of one city, alike, and a dental clinic elsewhere, unlike them. */
    public static ScoredLead crustBakery(String id) {
        return lead(id, "Crust Bakery", "bakery", "Bakery", "Leeds", "Sourdough bread, pastries and cakes baked fresh every morning");
    }

    public static ScoredLead roseBakery(String id) {
        return lead(id, "Rose Bakery", "bakery", "Bakery", "Leeds", "Artisan sourdough loaves, croissants and celebration cakes");
    }

    public static ScoredLead smileDentalClinic(String id) {
        return lead(id, "Smile Dental Clinic", "dental", "Dentist", "Bristol", "Family dentistry, implants and teeth whitening");
    }

    public static ScoredLead lead(String id, String name, String sector, String category, String city, String description) {
        return new ScoredLead(id, name, "https://" + id + "/", List.of(), List.of(), null, description, List.of(),
                List.of(category), List.of(), "default", 50, "B", List.of(), "prior-v1", Provenance.of("test", "1", null), sector,
                new ScoredLead.Location(null, null, city, null, "GB"), null, null, null, null, null, null, null, null, null, null);
    }

    private VectorStore.Entry stored(Lookalikes lookalikes, VectorStore store, ScoredLead lead, List<Signal> signals) {
        VectorStore.Entry entry = lookalikes.entry(lead, signals, embedder.embed(List.of(ProfileText.of(lead, signals))).getFirst());
        store.upsert(List.of(entry));
        return entry;
    }

    @Test
    void aLeadLikeOneThatRepliedRanksAsItsLookalikeWithReasonsAndAnUnlikeOneDoesNot(@TempDir Path dir) {
        try (VectorStore store = new LuceneVectorStore(dir)) {
            Lookalikes lookalikes = new Lookalikes(store, 0.6, 3);
            List<Signal> wordpress = List.of(new Signal("technology", "cms", "WordPress", "meta generator"));
            stored(lookalikes, store, crustBakery("crust.test"), wordpress);
            stored(lookalikes, store, smileDentalClinic("smile.test"), List.of());
            lookalikes.markEngaged(new Engagement("e1", "crust.test", Engagement.REPLIED, "email", "d1", "default", "a", null,
                    Instant.parse("2026-11-20T10:00:00Z"), Provenance.of("test", "1", null)));
            lookalikes.markEngaged(new Engagement("e2", "smile.test", Engagement.OPENED, "email", "d2", "default", "a", null,
                    Instant.parse("2026-11-21T10:00:00Z"), Provenance.of("test", "1", null)));

            VectorStore.Entry rose = stored(lookalikes, store, roseBakery("rose.test"), wordpress);
            List<Signal> signals = lookalikes.of(rose);

            assertThat(signals).filteredOn(s -> s.name().equals("similar_to")).extracting(Signal::value).containsExactly("crust.test");
            Signal similar = signals.stream().filter(s -> s.name().equals("similar_to")).findFirst().orElseThrow();
            assertThat(similar.evidence()).contains("Crust Bakery", "replied on 2026-11-20", "same sector (bakery)",
                    "same city (leeds)", "both bakery", "both use WordPress");
            Signal score = signals.stream().filter(s -> s.name().equals("score")).findFirst().orElseThrow();
            assertThat(Integer.parseInt(score.value())).isGreaterThanOrEqualTo(60);
            assertThat(score.evidence()).contains("crust.test (replied)");

            // the lead that replied says so; the dental clinic that opened is too unlike it to be its lookalike
            List<Signal> crust = lookalikes.of(store.get("crust.test").orElseThrow());
            assertThat(crust).extracting(Signal::name).containsExactly("score", "engaged");
            assertThat(crust.get(1).value()).isEqualTo("replied");
            assertThat(crust.get(1).evidence()).contains("replied on 2026-11-20");
        }
    }

    @Test
    void withNoLeadThatEngagedEveryLeadStillSaysWhyItHasNoLookalike(@TempDir Path dir) {
        try (VectorStore store = new LuceneVectorStore(dir)) {
            Lookalikes lookalikes = new Lookalikes(store, 0.6, 3);
            VectorStore.Entry rose = stored(lookalikes, store, lead("rose.test", "Rose Bakery", "bakery", "Bakery", "Leeds",
                    "Sourdough"), List.of());
            assertThat(lookalikes.of(rose)).containsExactly(
                    new Signal("lookalike", "score", "0", "no other lead has engaged yet, so there is nothing to resemble"));
        }
    }

    @Test
    void aRepeatedOpenChangesNothingButARedeliveryOrAStrongerOutcomeDoes(@TempDir Path dir) {
        try (VectorStore store = new LuceneVectorStore(dir)) {
            Lookalikes lookalikes = new Lookalikes(store, 0.6, 3);
            stored(lookalikes, store, lead("crust.test", "Crust Bakery", "bakery", "Bakery", "Leeds", "Sourdough"), List.of());
            Engagement firstOpen = engagement("open-1", Engagement.OPENED, "2026-11-20T10:00:00Z");

            assertThat(lookalikes.markEngaged(firstOpen)).isPresent();
            assertThat(lookalikes.markEngaged(engagement("open-2", Engagement.OPENED, "2026-11-21T10:00:00Z"))).isEmpty();
            // the first open read again after a crash: its re-enrichment may not have been published
            assertThat(lookalikes.markEngaged(firstOpen)).isPresent();
            assertThat(lookalikes.markEngaged(engagement("click-1", Engagement.CLICKED, "2026-11-22T10:00:00Z")))
                    .hasValueSatisfying(e -> assertThat(e.payload()).containsEntry(Lookalikes.OUTCOME, "clicked")
                            .containsEntry(Lookalikes.ENGAGED_AT, "2026-11-22T10:00:00Z"));
            assertThat(lookalikes.markEngaged(engagement("open-3", Engagement.OPENED, "2026-11-23T10:00:00Z"))).isEmpty();
            assertThat(store.get("crust.test").orElseThrow().payload()).containsEntry(Lookalikes.OUTCOME, "clicked");
        }
    }

    private static Engagement engagement(String id, String type, String at) {
        return new Engagement(id, "crust.test", type, "email", "d1", "default", "a", null, Instant.parse(at),
                Provenance.of("test", "1", null));
    }

    @Test
    void anEngagementReadBeforeItsLeadIsKeptAndTakenOverWhenTheLeadIsEmbedded(@TempDir Path dir) {
        try (VectorStore store = new LuceneVectorStore(dir)) {
            Lookalikes lookalikes = new Lookalikes(store, 0.6, 3);
            assertThat(lookalikes.markEngaged(new Engagement("e1", "crust.test", Engagement.REPLIED, "email", "d1", "default", "a",
                    null, Instant.parse("2026-11-20T10:00:00Z"), Provenance.of("test", "1", null)))).isEmpty();
            VectorStore.Entry rose = stored(lookalikes, store, lead("rose.test", "Rose Bakery", "bakery", "Bakery", "Leeds",
                    "Sourdough loaves"), List.of());
            assertThat(lookalikes.of(rose)).as("a pending engagement is never a lookalike")
                    .noneMatch(s -> s.name().equals("similar_to"));

            stored(lookalikes, store, lead("crust.test", "Crust Bakery", "bakery", "Bakery", "Leeds", "Sourdough bread"), List.of());
            assertThat(store.get("crust.test").orElseThrow().payload())
                    .containsEntry(Lookalikes.ENGAGED, "true").containsEntry(Lookalikes.OUTCOME, "replied");
            assertThat(lookalikes.of(rose)).filteredOn(s -> s.name().equals("similar_to")).extracting(Signal::value)
                    .containsExactly("crust.test");
        }
    }

    @Test
    void reScoringALeadKeepsWhatIsKnownOfItsEngagement(@TempDir Path dir) {
        try (VectorStore store = new LuceneVectorStore(dir)) {
            Lookalikes lookalikes = new Lookalikes(store, 0.6, 3);
            ScoredLead crust = lead("crust.test", "Crust Bakery", "bakery", "Bakery", "Leeds", "Sourdough");
            stored(lookalikes, store, crust, List.of());
            lookalikes.markEngaged(new Engagement("e1", "crust.test", Engagement.REPLIED, "email", "d1", "default", "a", null,
                    Instant.parse("2026-11-20T10:00:00Z"), Provenance.of("test", "1", null)));
            lookalikes.markEngaged(new Engagement("e2", "crust.test", Engagement.OPENED, "email", "d1", "default", "a", null,
                    Instant.parse("2026-11-22T10:00:00Z"), Provenance.of("test", "1", null)));
            stored(lookalikes, store, crust, List.of());

            assertThat(store.get("crust.test").orElseThrow().payload())
                    .containsEntry(Lookalikes.ENGAGED, "true").containsEntry(Lookalikes.OUTCOME, "replied");
        }
    }
}
