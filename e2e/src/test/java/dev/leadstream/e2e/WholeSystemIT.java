package dev.leadstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.local.launcher.SampleCampaign;
import dev.leadstream.local.launcher.Stack;
import dev.leadstream.local.launcher.StackPorts;
import dev.leadstream.local.launcher.Workspace;
import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SamplePages;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoringModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system the way {@code ./leadstream demo} runs it: Kafka, PostgreSQL, GreenMail and the
 * sample sites in one process, the outbox relay and every agent each in its own JVM. The test
 * only talks to the review API, reads the mailbox over IMAP and watches one topic.
 */
class WholeSystemIT {

    /**
     * Enough for two bakeries, the seventh sample business being the second of its sector, and for
     * sites in English, German, Dutch and French.
     */
    private static final int SITES = 7;
    /** The directory also lists hostile sites; the flaky one (after a retry) and the huge one (cut) still name a business. */
    private static final int HOSTILE_SITES_WITH_A_NAME = 2;
    private static Stack stack;
    private static ReviewApi api;

    @BeforeAll
    static void startEverything() {
        Path home = Path.of(System.getProperty("leadstream.home", "..")).toAbsolutePath().normalize();
        // a workspace of its own, so a demo running on this machine is left alone; emptied first,
        // so a second run does not meet the first run's decisions in its database
        Path data = home.resolve("e2e/target/leadstream");
        deleteRecursively(data);
        Workspace workspace = new Workspace(home, data);
        stack = new Stack(workspace, StackPorts.free(), SITES);
        stack.up(Duration.ofMinutes(4));
        api = new ReviewApi(stack.hitlApiUrl(), stack.adminAuthorization());
    }

    private static List<String> factIds(JsonNode draft) {
        List<String> ids = new ArrayList<>();
        draft.path("facts").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty the e2e workspace " + dir, e);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void discoveredBusinessesAreScoredSelectedWrittenToApprovedSentOnceAndLearnedFrom() throws Exception {
        stack.submitDiscovery("directory", List.of(stack.sampleDirectory()));

        // discovered → scraped → scored → enriched → in the lead table
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> leads().size() == SITES + HOSTILE_SITES_WITH_A_NAME
                        && leads().stream().allMatch(l -> l.path("signals").size() > 0));
        List<JsonNode> leads = leads();
        // every lead carries trend and lookalike signals with evidence; every sample site's technology is recognised
        assertThat(leads).allSatisfy(l -> assertThat(signalKindsWithEvidence(l)).contains("trend", "lookalike"));
        assertThat(leads).filteredOn(l -> signalKindsWithEvidence(l).contains("technology")).hasSize(SITES);
        assertThat(leads).allSatisfy(l -> {
            JsonNode lead = l.path("lead");
            assertThat(lead.path("explanation").size()).isPositive();
            if (lead.path("emails").isEmpty() && lead.path("phones").isEmpty()) {
                // the sites that only give a name are knocked out, and say why
                assertThat(lead.path("score").asInt()).isZero();
                assertThat(lead.path("knockouts").get(0).asText()).startsWith("no-contact");
            } else {
                assertThat(lead.path("score").asInt()).isBetween(1, 100);
            }
        });
        // what the sample sites' team, careers and locations pages state reaches the review table as firmographic hints,
        // and the language each site declares (<html lang>) travels with its lead
        for (SampleBusiness b : SampleBusinesses.generate(SITES, 42)) {
            JsonNode lead = byName(leads, b.name());
            assertThat(lead.path("lead").path("site").path("language").asText()).as(b.name()).isEqualTo(b.language());
            assertThat(signal(lead, "team_size")).hasValueSatisfying(s -> assertThat(s.path("value").asText())
                    .isEqualTo(Integer.toString(SamplePages.teamSize(b))));
            assertThat(signal(lead, "open_roles").map(s -> s.path("value").asInt()).orElse(0)).isEqualTo(SamplePages.openRoles(b).size());
            assertThat(signal(lead, "locations").map(s -> s.path("value").asInt()).orElse(1)).isEqualTo(1 + SamplePages.branches(b).size());
            assertThat(signal(lead, "price_range").isPresent()).isEqualTo(b.markup() == SampleBusiness.Markup.JSON_LD);
        }

        JsonNode chosen = byName(leads, "Rose Bakery");
        String leadId = chosen.path("leadId").asText();
        String lookalikeId = byName(leads, "Oak Bakery").path("leadId").asText();
        String recipient = chosen.path("lead").path("emails").get(0).asText();

        // every sample business selected into the demo's sample campaign, in one bulk call →
        // outbox → Debezium → approved → persona-agent → drafts → review table: each in its
        // site's language, for every channel of the campaign, every sentence citing facts the
        // gate found it in
        JsonNode campaign = new SampleCampaign(stack.hitlApiUrl(), stack.adminAuthorization()).ensure();
        List<SampleBusiness> samples = SampleBusinesses.generate(SITES, 42);
        List<String> sampleIds = samples.stream().map(b -> byName(leads, b.name()).path("leadId").asText()).toList();
        JsonNode bulk = api.post("/api/leads/bulk/select", Map.of("leadIds", sampleIds, "campaignId", SampleCampaign.id()), 200);
        assertThat(bulk.path("decided").size()).isEqualTo(SITES);
        assertThat(bulk.path("skipped").size()).isZero();
        await().atMost(Duration.ofMinutes(2)).until(() -> sampleIds.stream().allMatch(id -> api.get("/api/leads/" + id + "/drafts").size() == 1));
        for (SampleBusiness b : samples) {
            JsonNode written = api.get("/api/leads/" + byName(leads, b.name()).path("leadId").asText() + "/drafts").get(0).path("draft");
            assertThat(written.path("language").asText()).as(b.name()).isEqualTo(b.language());
            assertThat(written.path("campaignId").asText()).isEqualTo(SampleCampaign.id());
            assertThat(written.path("campaignVersion").asInt()).isEqualTo(campaign.path("version").asInt());
            List<String> channels = new ArrayList<>();
            written.path("messages").forEach(m -> channels.add(m.path("channel").asText()));
            assertThat(channels).as(b.name()).contains("email", "telegram", "instagram", "tiktok");
            written.path("messages").forEach(m -> m.path("statements").forEach(st -> {
                assertThat(st.path("status").asText()).as(b.name() + ": " + st.path("text").asText()).isEqualTo("supported");
                st.path("factIds").forEach(f -> assertThat(factIds(written)).contains(f.asText()));
            }));
            assertThat(written.path("persona").path("statements").size()).isPositive();
        }

        // the reviewer asks for a shorter first touch: persona-agent writes version 2 of the same draft
        JsonNode first = api.get("/api/leads/" + leadId + "/drafts").get(0).path("draft");
        String draftId = first.path("draftId").asText();
        api.post("/api/drafts/" + draftId + "/regenerate", Map.of("instruction", "shorter", "version", first.path("version").asInt()), 202);
        await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/drafts/" + draftId).path("draft").path("version").asInt() == 2);
        JsonNode draft = api.get("/api/drafts/" + draftId).path("draft");
        assertThat(draft.path("generation").path("instruction").asText()).isEqualTo("shorter");
        assertThat(draft.path("email").path("textBody").asText().length())
                .isLessThan(first.path("email").path("textBody").asText().length());
        assertThat(draft.path("email").path("to").asText()).isEqualTo(recipient);

        // approval → outbox → Debezium → approved → outreach-agent → one email in the real SMTP server
        api.post("/api/drafts/" + draftId + "/approve", 202);
        await().atMost(Duration.ofMinutes(1)).until(() -> inbox(recipient).size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> inbox(recipient).size() == 1);
        assertThat(inbox(recipient).get(0)).startsWith(draft.path("email").path("subject").asText());

        // the bakery answers; outreach-agent reads the answer over IMAP and announces it; the lead's
        // audit trail holds what every agent did and what the reviewer decided
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            List<String> types = new ArrayList<>();
            api.get("/api/audit?leadId=" + leadId).path("items").forEach(e -> types.add(e.path("type").asText()));
            return types.containsAll(List.of("lead.scored", "lead.enriched", "lead.selected", "draft.written",
                    "draft.approved", "engagement.sent", "engagement.replied"));
        });

        // the other bakery is enriched again and names the one that replied as its lookalike
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> signal(api.get("/api/leads/" + lookalikeId), "similar_to").isPresent());
        JsonNode similar = signal(api.get("/api/leads/" + lookalikeId), "similar_to").orElseThrow();
        assertThat(similar.path("value").asText()).isEqualTo(leadId);
        assertThat(similar.path("evidence").asText()).contains("Rose Bakery", "replied", "same sector (bakery)");
        assertThat(signal(api.get("/api/leads/" + leadId), "engaged")).hasValueSatisfying(s ->
                assertThat(s.path("value").asText()).isEqualTo("replied"));

        // engagement reaches feedback-stream, which learns from the reply: a model of the segment
        // counts every engagement of it, the reply included (the sent one alone makes one fewer)
        TopicProbe probe = new TopicProbe(stack.bootstrapServers());
        String segment = chosen.path("lead").path("segment").asText();
        List<Engagement> engagements = probe.values(Topics.ENGAGEMENT, probe.readUntil(Topics.ENGAGEMENT.name(),
                Duration.ofMinutes(1), rs -> probe.values(Topics.ENGAGEMENT, rs).stream()
                        .anyMatch(e -> e.leadId().equals(leadId) && e.type().equals(Engagement.REPLIED))));
        assertThat(engagements).filteredOn(e -> e.leadId().equals(leadId)).extracting(Engagement::type)
                .containsExactlyInAnyOrder(Engagement.SENT, Engagement.REPLIED);
        long ofSegment = engagements.stream().filter(e -> segment.equals(e.segment() == null ? "default" : e.segment())).count();
        List<ScoringModel> models = probe.values(Topics.SCORING_MODEL, probe.readUntil(Topics.SCORING_MODEL.name(),
                Duration.ofMinutes(1), rs -> probe.values(Topics.SCORING_MODEL, rs).stream().anyMatch(m -> m.observations() == ofSegment)));
        assertThat(models).allSatisfy(m -> assertThat(m.segment()).isEqualTo(segment));
        ScoringModel learnedFromReply = models.stream().filter(m -> m.observations() == ofSegment).findFirst().orElseThrow();

        // scoring-stream re-scores the segment's leads with that model, and the review table shows it
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                api.get("/api/leads/" + leadId).path("lead").path("modelVersion").asText().equals(learnedFromReply.version()));
    }

    private static JsonNode byName(List<JsonNode> leads, String name) {
        return leads.stream().filter(l -> l.path("lead").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no lead named " + name));
    }

    private static Optional<JsonNode> signal(JsonNode lead, String name) {
        for (JsonNode s : lead.path("signals")) {
            if (s.path("name").asText().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static List<String> signalKindsWithEvidence(JsonNode lead) {
        List<String> kinds = new ArrayList<>();
        lead.path("signals").forEach(s -> {
            if (!s.path("evidence").asText().isBlank()) {
                kinds.add(s.path("kind").asText());
            }
        });
        return kinds;
    }

    private static List<JsonNode> leads() {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/leads?limit=100").path("items").forEach(items::add);
        return items;
    }

    private static List<String> inbox(String recipient) throws Exception {
        return Mailbox.subjects(stack.ports().imap(), recipient);
    }
}
