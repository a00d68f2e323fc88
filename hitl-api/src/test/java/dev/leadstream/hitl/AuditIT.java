package dev.leadstream.hitl;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The audit trail on the real broker and database: agent actions and human decisions, append-only. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuditIT {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void aLeadsTrailShowsWhatTheAgentsDidAndWhoDecidedRecordedOnceEach() {
        String leadId = "audit" + System.nanoTime() + ".test";
        ScoredLead lead = HitlApiIT.lead(leadId, 70);
        probe.send(Topics.SCORED_LEADS, leadId, lead);
        probe.send(Topics.SCORED_LEADS, leadId, lead); // redelivered: still one action
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/leads/" + leadId).statusCode() == 200);
        Campaigns.into(Reviewers.as("ana")).post("/api/leads/" + leadId + "/select").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("leadId", leadId).get("/api/audit")
                .then().statusCode(200).body("items", hasSize(2))
                .body("items[0].type", equalTo("lead.selected")).body("items[0].actor", equalTo("ana"))
                .body("items[0].actorKind", equalTo("human"))
                .body("items[1].type", equalTo("lead.scored")).body("items[1].actor", equalTo("test/1"))
                .body("items[1].actorKind", equalTo("agent")).body("items[1].detail.score", equalTo(70)));
        given().queryParam("leadId", leadId).queryParam("type", "lead.selected").get("/api/audit").then()
                .body("items", hasSize(1));
        given().queryParam("leadId", leadId).queryParam("actor", "nobody").get("/api/audit").then().body("items", hasSize(0));
        given().queryParam("leadId", leadId).queryParam("from", "2999-01-01T00:00:00Z").get("/api/audit").then()
                .body("items", hasSize(0));
    }

    @Test
    void theTrailCannotBeRewritten() throws Exception {
        LocalPostgres postgres = SharedInfra.postgres();
        try (Connection c = postgres.connectAs(Credentials.DB_HITL_API)) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update decisions set reviewer = 'mallory'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from agent_actions"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            // cascade: campaign_versions refers to decisions, and a plain truncate would stop at that reference
            assertThatThrownBy(() -> c.createStatement().executeUpdate("truncate decisions cascade"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void badFiltersAreRefused() {
        given().queryParam("from", "yesterday").get("/api/audit").then().statusCode(400).body("detail", containsString("from"));
        given().queryParam("after", "%%%").get("/api/audit").then().statusCode(400).body("detail", containsString("cursor"));
        given().queryParam("limit", 5000).get("/api/audit").then().statusCode(400);
    }
}
