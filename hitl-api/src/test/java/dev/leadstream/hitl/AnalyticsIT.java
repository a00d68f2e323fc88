package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Analytics on the real broker and database: engagement with rates, the funnel, agents' dead letters. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AnalyticsIT {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private static final Instant DAY = Instant.parse("2001-02-03T10:00:00Z");

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void engagementIsCountedBySegmentAndVariantWithRates() {
        String segment = "analytics-" + System.nanoTime();
        List.of("sent:v1", "sent:v1", "sent:v2", "sent:v2", "delivered:v1", "delivered:v1", "delivered:v2",
                "opened:v1", "opened:v1", "replied:v1", "bounced:v2").forEach(s -> {
            String[] typeAndVariant = s.split(":");
            String leadId = "lead-" + UUID.randomUUID() + ".test";
            probe.send(Topics.ENGAGEMENT, leadId, new Engagement(UUID.randomUUID().toString(), leadId, typeAndVariant[0],
                    "email", "d-1", segment, typeAndVariant[1], null, DAY, Provenance.of("outreach-agent", "0.1.0", "smtp")));
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> rows = given().queryParam("groupBy", "segment,variant")
                    .queryParam("from", "2001-02-03T00:00:00Z").queryParam("to", "2001-02-04T00:00:00Z")
                    .get("/api/analytics/engagement").then().statusCode(200).extract().jsonPath().getList("$");
            Map<String, Object> v1 = rows.stream().filter(r -> group(r).equals(Map.of("segment", segment, "variant", "v1")))
                    .findFirst().orElseThrow();
            assertThat(counts(v1)).containsEntry("sent", 2).containsEntry("delivered", 2).containsEntry("opened", 2)
                    .containsEntry("replied", 1).containsEntry("bounced", 0);
            assertThat(rates(v1)).containsEntry("delivery", 1.0f).containsEntry("open", 1.0f).containsEntry("reply", 0.5f);
            Map<String, Object> v2 = rows.stream().filter(r -> group(r).equals(Map.of("segment", segment, "variant", "v2")))
                    .findFirst().orElseThrow();
            assertThat(rates(v2)).containsEntry("delivery", 0.5f).containsEntry("bounce", 0.5f).containsEntry("open", 0.0f);
        });
        given().queryParam("groupBy", "colour").get("/api/analytics/engagement").then().statusCode(400)
                .body(containsString("groupBy"));
        given().queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2020-01-01T00:00:00Z")
                .get("/api/analytics/engagement").then().statusCode(400);
    }

    @Test
    void theFunnelNamesEveryStageAndNarrowsTowardsReplies() throws Exception {
        Map<String, Integer> before = funnel();
        assertThat(before).containsOnlyKeys("discovered", "contactable", "enriched", "selected", "drafted", "approved",
                "sent", "opened", "clicked", "replied");

        // three leads found, two selected, one drafted, approved, sent, opened and answered
        String prefix = "funnel-" + UUID.randomUUID();
        List<String> leads = List.of(prefix + "-a.test", prefix + "-b.test", prefix + "-c.test");
        Rows.leads(leads, "funnel");
        Campaigns.into(given()).post("/api/leads/" + leads.get(0) + "/select").then().statusCode(202);
        Campaigns.into(given()).post("/api/leads/" + leads.get(1) + "/select").then().statusCode(202);
        Draft draft = HitlApiIT.draft(UUID.randomUUID().toString(), leads.get(0), List.of());
        Rows.draft(draft);
        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);
        for (String type : List.of("sent", "opened", "replied")) {
            probe.send(Topics.ENGAGEMENT, leads.get(0), new Engagement(UUID.randomUUID().toString(), leads.get(0), type, "email",
                    draft.draftId(), "funnel", "v1", null, Instant.now(), Provenance.of("outreach-agent", "0.1.0", "smtp")));
        }

        List<String> narrowing = List.of("discovered", "selected", "drafted", "approved", "sent", "opened", "replied");
        Map<String, Integer> least = Map.of("discovered", 3, "contactable", 3, "selected", 2, "drafted", 1, "approved", 1,
                "sent", 1, "opened", 1, "replied", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> after = funnel();
            least.forEach((stage, grew) -> assertThat(after.get(stage) - before.get(stage)).as(stage).isGreaterThanOrEqualTo(grew));
            for (int i = 1; i < narrowing.size(); i++) {
                assertThat(after.get(narrowing.get(i))).as(narrowing.get(i) + " is within " + narrowing.get(i - 1))
                        .isLessThanOrEqualTo(after.get(narrowing.get(i - 1)));
            }
        });
    }

    private static Map<String, Integer> funnel() {
        return given().get("/api/analytics/funnel").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The review service itself dead-letters the unreadable scored lead, and says so in the headers. */
    @Test
    void anAgentsDeadLettersLowerItsSuccessRate() {
        probe.sendRaw(Topics.SCORED_LEADS.name(), "broken.test", "{not a lead".getBytes(StandardCharsets.UTF_8),
                Topics.SCORED_LEADS.eventType());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/analytics/agents").then().statusCode(200)
                .body(containsString("\"agent\":\"hitl-api\"")));
        List<Map<String, Object>> agents = given().get("/api/analytics/agents").then().extract().jsonPath().getList("$");
        Map<String, Object> consumer = agents.stream().filter(a -> a.get("agent").equals("hitl-api"))
                .findFirst().orElseThrow();
        assertThat((Integer) consumer.get("deadLetters")).isPositive();
        assertThat(((Number) consumer.get("successRate")).doubleValue()).isLessThan(1.0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(Map<String, Object> row) {
        return (Map<String, Object>) row.get("group");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(Map<String, Object> row) {
        return (Map<String, Integer>) row.get("counts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Float> rates(Map<String, Object> row) {
        return (Map<String, Float>) row.get("rates");
    }
}
