package dev.leadstream.enrichment.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.leadstream.enrichment.lookalike.Embedder;
import dev.leadstream.enrichment.lookalike.ProfileText;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.SiteProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrichment throughput. First the embedding model alone (its own default executor, every core)
 * and then the agent's bounded embedder, on the same {@code bench.texts} profile texts; then
 * {@code bench.leads} scored leads produced to the real local broker and timed until every one is
 * on enriched-leads. Not a test: run with {@code ./mvnw -B -Pbenchmark -pl enrichment-agent verify};
 * results go to stdout and target/enrichment-benchmark.md (copied into docs/benchmarks.md).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EnrichmentBenchmark {

    private static final int LEADS = Integer.getInteger("bench.leads", 3000);
    private static final int TEXTS = Integer.getInteger("bench.texts", 1000);
    private static final int BATCH = 64;
    private static final String[][] SECTORS = {
            {"bakery", "Bakery", "sourdough bread, pastries, celebration cakes, wholesale loaves"},
            {"cafe", "Cafe", "speciality coffee, brunch, homemade cakes, oat milk, takeaway"},
            {"dental", "Dentist", "family dentistry, implants, teeth whitening, emergency appointments"},
            {"hair-salon", "Hair salon", "cuts, colour, balayage, bridal styling, walk-ins welcome"},
            {"restaurant", "Restaurant", "seasonal menu, tasting menu, private dining, local produce"},
            {"florist", "Florist", "wedding flowers, bouquets, same-day delivery, funeral tributes"}};
    private static final String[] CITIES = {"Leeds", "York", "Bristol", "Manchester", "Glasgow", "Cardiff", "Norwich", "Bath"};
    private static final String[] GENERATORS = {"WordPress 6.6.2", "Wix.com Website Builder", "Squarespace", null};

    @Inject
    Embedder agentEmbedder;

    @Test
    void enrichmentThroughput() throws IOException {
        List<ScoredLead> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(lead(i));
        }
        List<String> texts = leads.stream().limit(TEXTS).map(l -> ProfileText.of(l, List.of())).toList();

        EmbeddingModel raw = new AllMiniLmL6V2QuantizedEmbeddingModel();
        embedRaw(raw, texts.subList(0, BATCH)); // warm-up
        double rawPerSecond = perSecond(texts.size(), () -> embedRaw(raw, texts));
        agentEmbedder.embed(texts.subList(0, BATCH));
        double agentPerSecond = perSecond(texts.size(), () -> {
            for (int from = 0; from < texts.size(); from += BATCH) {
                agentEmbedder.embed(texts.subList(from, Math.min(texts.size(), from + BATCH)));
            }
        });

        Set<String> waiting = new HashSet<>();
        leads.forEach(l -> waiting.add(l.leadId()));
        long started = System.nanoTime();
        Map<String, Object> producerSettings = SharedInfra.kafka().adminClient();
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            for (ScoredLead lead : leads) {
                producer.send(new ProducerRecord<>(Topics.SCORED_LEADS.name(), lead.leadId(), EventJson.toJson(lead)));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> consumerSettings = SharedInfra.kafka().adminClient();
        consumerSettings.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "enrichment-benchmark-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ENRICHED_LEADS.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EnrichedLead enriched = EventJson.read(record.value(), EnrichedLead.class);
                    waiting.remove(enriched.leadId());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(waiting).as("leads never enriched").isEmpty();

        String report = String.format(Locale.ROOT, """
                | measure | result |
                |---|---|
                | raw model (default executor, all cores), %d texts in batches of %d | %.0f texts/s |
                | inside the agent (bounded embedder, %d thread) | %.0f texts/s |
                | agent / raw | %.2f |
                | end to end: %d scored leads produced (%.1f s) until all on enriched-leads | %.1f s, **%.0f leads/s** |
                """, texts.size(), BATCH, rawPerSecond, 1, agentPerSecond, agentPerSecond / rawPerSecond,
                LEADS, produceSeconds, seconds, LEADS / seconds);
        System.out.println(report);
        Files.writeString(Path.of("target/enrichment-benchmark.md"), report);
    }

    private static void embedRaw(EmbeddingModel model, List<String> texts) {
        for (int from = 0; from < texts.size(); from += BATCH) {
            model.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)).stream().map(TextSegment::from).toList());
        }
    }

    private static double perSecond(int count, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static ScoredLead lead(int i) {
        String[] sector = SECTORS[i % SECTORS.length];
        String city = CITIES[(i / SECTORS.length) % CITIES.length];
        String id = "bench-" + i + ".test";
        String[] words = sector[2].split(", ");
        String description = words[i % words.length] + " and " + words[(i + 1) % words.length] + " in " + city;
        SiteProfile site = new SiteProfile("https://" + id + "/", i % 3 != 0, GENERATORS[i % GENERATORS.length],
                i % 2 == 0 ? "width=device-width" : null, 20_000 + i, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
        return new ScoredLead(id, sector[1] + " " + i, "https://" + id + "/", List.of(), List.of(), null, description, List.of(),
                List.of(sector[1]), List.of("https://" + id + "/"), "default", 50, "B", List.of(), "prior-v1",
                Provenance.of("benchmark", "1", null), sector[0], new ScoredLead.Location(null, null, city, null, "GB"),
                null, null, null, null, null, null, null, null, null, site);
    }
}
