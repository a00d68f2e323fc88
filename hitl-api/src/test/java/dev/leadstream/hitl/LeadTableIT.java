package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The lead table on the real broker and database: filters, sorts, keyset pages, facets, search,
 * CSV export, bulk decisions, and a discovery request's progress and leads. Each test works in a
 * segment of its own, so the rows other tests add do not count.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class LeadTableIT {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
    private String segment;

    @BeforeEach
    void ownSegment() {
        segment = "seg-" + System.nanoTime();
    }

    @Test
    void filtersSortsPagesAndFacetsAgreeWithTheRows() {
        send(lead("a", "Rose Bakery", 90, "bakery", "Leeds", "hello@a.test", null, "Sourdough every morning"));
        send(lead("b", "Oak Dental", 60, "dentist", "Sheffield", null, "+441144960001", "Family dentistry"));
        send(lead("c", "Crumb and Co", 30, "bakery", "Leeds", null, null, "Croissants and cakes"));
        awaitRows(3);

        assertThat(ids(table().queryParam("sector", "bakery"))).containsExactly(id("a"), id("c"));
        assertThat(ids(table().queryParam("minScore", 50))).containsExactly(id("a"), id("b"));
        assertThat(ids(table().queryParam("hasEmail", "true"))).containsExactly(id("a"));
        assertThat(ids(table().queryParam("hasPhone", "false").queryParam("city", "leeds"))).containsExactly(id("a"), id("c"));
        assertThat(ids(table().queryParam("q", "croissants"))).containsExactly(id("c"));
        assertThat(ids(table().queryParam("tier", "A").queryParam("tier", "C"))).containsExactly(id("a"), id("c"));
        assertThat(ids(table().queryParam("sort", "score").queryParam("dir", "asc"))).containsExactly(id("c"), id("b"), id("a"));
        assertThat(ids(table().queryParam("sort", "tier"))).containsExactly(id("a"), id("b"), id("c"));

        // one row a page: the cursors walk every row once, in order
        assertThat(walk("name")).containsExactly(id("c"), id("b"), id("a")); // Crumb, Oak, Rose
        for (String sort : List.of("score", "updated", "tier")) {
            assertThat(walk(sort)).as("every row once, sorted by " + sort).containsExactlyInAnyOrder(id("a"), id("b"), id("c"));
        }

        given().queryParam("segment", segment).get("/api/leads/facets").then().statusCode(200)
                .body("total", equalTo(3))
                .body("facets.tier.A", equalTo(1)).body("facets.tier.B", equalTo(1)).body("facets.tier.C", equalTo(1))
                .body("facets.sector.bakery", equalTo(2)).body("facets.city.Leeds", equalTo(2))
                .body("facets.hasEmail.true", equalTo(1)).body("facets.hasEmail.false", equalTo(2));
    }

    @Test
    void scoresSortAsNumbersNotAsText() {
        send(lead("a", "Nine", 9, "bakery", "Leeds", null, null, "x"));
        send(lead("b", "Hundred", 100, "bakery", "Leeds", null, null, "x"));
        send(lead("c", "Ten", 10, "bakery", "Leeds", null, null, "x"));
        awaitRows(3);
        assertThat(ids(table())).containsExactly(id("b"), id("c"), id("a"));
        assertThat(walk("score")).containsExactly(id("b"), id("c"), id("a"));
        assertThat(ids(table().queryParam("sort", "score").queryParam("dir", "asc"))).containsExactly(id("a"), id("c"), id("b"));
    }

    @Test
    void wrongParametersAreRefusedWithTheirName() throws Exception {
        Rows.leads(List.of(id("a"), id("b")), segment);
        String byName = table().queryParam("sort", "name").queryParam("limit", 1).get("/api/leads").then().statusCode(200)
                .extract().path("next");
        assertThat(byName).as("a page of one of two rows has a next cursor").isNotNull();
        given().queryParam("minScore", "abc").get("/api/leads").then().statusCode(400).body("detail", containsString("minScore"));
        given().queryParam("minScore", 80).queryParam("maxScore", 20).get("/api/leads").then().statusCode(400)
                .body("detail", containsString("must not be above maxScore"));
        given().queryParam("hasEmail", "yes").get("/api/leads").then().statusCode(400).body("detail", containsString("hasEmail"));
        given().queryParam("sort", "price").get("/api/leads").then().statusCode(400).body("detail", containsString("sort"));
        given().queryParam("status", "maybe").get("/api/leads/facets").then().statusCode(400).body("detail", containsString("status"));
        given().queryParam("after", byName).get("/api/leads").then().statusCode(400)
                .body("detail", containsString("another sort order"));
        given().queryParam("limit", "abc").get("/api/leads").then().statusCode(400).body("detail", containsString("limit"));
    }

    @Test
    void theExportHoldsEveryRowOfTheFilterAndDisarmsFormulas() {
        send(lead("a", "=HYPERLINK(\"http://evil.test\")", 80, "bakery", "Leeds", "hello@a.test", "+441134960002", "Bread, rolls"));
        send(lead("b", "Oak Dental", 60, "dentist", "Sheffield", null, null, "Teeth"));
        awaitRows(2);

        String csv = given().queryParam("segment", segment).get("/api/leads/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("lead_id,name,website,score,tier");
        assertThat(lines.get(1)).startsWith(id("a") + ",\"'=HYPERLINK(\"\"http://evil.test\"\")\",")
                .contains(",+441134960002,");
        assertThat(lines.get(2)).startsWith(id("b") + ",Oak Dental,");
    }

    @Test
    void bulkRejectionNeedsAReasonDecidesOnceAndTellsFeedback() throws Exception {
        send(lead("a", "Rose Bakery", 80, "bakery", "Leeds", "hello@a.test", null, "Bread"));
        send(lead("b", "Oak Dental", 60, "dentist", "Sheffield", null, null, "Teeth"));
        awaitRows(2);
        Map<String, Object> body = Map.of("leadIds", List.of(id("a"), id("b"), "nowhere.test"));

        given().contentType(ContentType.JSON).body(body).post("/api/leads/bulk/reject").then().statusCode(400)
                .body("detail", containsString("comment"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> withComment = Map.of("leadIds", List.of(id("a"), id("b"), "nowhere.test"), "comment", "not our market");
        for (int call = 0; call < 2; call++) {
            Reviewers.as("ana").contentType(ContentType.JSON).header("Idempotency-Key", key).body(withComment)
                    .post("/api/leads/bulk/reject").then().statusCode(200)
                    .body("decided", org.hamcrest.Matchers.containsInAnyOrder(id("a"), id("b")))
                    .body("skipped.'nowhere.test'", containsString(call == 0 ? "no such lead" : "first call"));
        }
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'engagement' and aggregateid = ?"
                + " and payload->>'type' = 'rejected' and payload->>'detail' = 'not our market'", id("a"))).isEqualTo(1);
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ? and kind = 'lead.rejected'"
                + " and comment = 'not our market' and reviewer = 'ana'", id("b"))).isEqualTo(1);
        assertThat(ids(table().queryParam("status", "rejected"))).containsExactlyInAnyOrder(id("a"), id("b"));
    }

    @Test
    void aDiscoveryRequestShowsItsLiveProgressAndTheLeadsItProduced() {
        String requestId = given().contentType(ContentType.JSON).body("{\"sector\":\"bakeries\",\"seedUrls\":[\"http://rose.test/\"]}")
                .post("/api/discovery-requests").then().statusCode(202).extract().path("requestId");
        given().get("/api/discovery-requests/" + requestId).then().statusCode(200).body("request.sector", equalTo("bakeries"));

        Instant now = Instant.now();
        probe.send(Topics.DISCOVERY_PROGRESS, requestId, new DiscoveryProgress(requestId, DiscoveryProgress.RUNNING,
                12, 1, 0, 2, 0, 3, 2, List.of(), now, now));
        ScoredLead found = lead("a", "Rose Bakery", 80, "bakery", "Leeds", "hello@a.test", null, "Bread");
        send(withRequest(found, requestId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/discovery-requests/" + requestId)
                .then().body("progress.state", equalTo("running")).body("progress.pagesFetched", equalTo(12))
                .body("leads", equalTo(1)));
        assertThat(ids(given().queryParam("requestId", requestId))).containsExactly(id("a"));
        given().get("/api/discovery-requests/unknown-id").then().statusCode(404);
        given().get("/api/discovery-requests").then().statusCode(200).body("request.requestId", org.hamcrest.Matchers.hasItem(requestId));
    }

    /** The lead ids of the segment, one page of one row at a time. */
    private List<String> walk(String sort) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification page = table().queryParam("sort", sort).queryParam("limit", 1);
            if (after != null) {
                page.queryParam("after", after);
            }
            io.restassured.path.json.JsonPath body = page.get("/api/leads").then().statusCode(200).extract().jsonPath();
            ids.addAll(body.getList("items.leadId", String.class));
            after = body.getString("next");
        } while (after != null);
        return ids;
    }

    private RequestSpecification table() {
        return given().queryParam("segment", segment);
    }

    private static List<String> ids(RequestSpecification request) {
        return request.get("/api/leads").then().statusCode(200).extract().jsonPath().getList("items.leadId", String.class);
    }

    private void awaitRows(int rows) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(table()).size() == rows);
    }

    private String id(String letter) {
        return letter + "-" + segment + ".test";
    }

    private void send(ScoredLead lead) {
        probe.send(Topics.SCORED_LEADS, lead.leadId(), lead);
    }

    private ScoredLead lead(String letter, String name, int score, String sector, String city, String email, String phone,
                            String description) {
        String leadId = id(letter);
        return new ScoredLead(leadId, name, "https://" + leadId + "/", email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), "1 Mill Lane, " + city, description, List.of(), List.of(),
                List.of("https://" + leadId + "/"), segment, score, ScoredLead.tierOf(score), List.of(), "prior-v1",
                Provenance.of("test", "1", null), sector, new ScoredLead.Location("1 Mill Lane", null, city, null, "GB"),
                null, null, null, null, null, null, null, Instant.now(), List.of(), null);
    }

    private static ScoredLead withRequest(ScoredLead l, String requestId) {
        return new ScoredLead(l.leadId(), l.name(), l.website(), l.emails(), l.phones(), l.address(), l.description(),
                l.socialProfiles(), l.categories(), l.sourceUrls(), l.segment(), l.score(), l.tier(), l.explanation(),
                l.modelVersion(), l.provenance(), l.sector(), l.location(), l.emailDetails(), l.socialHandles(), l.signals(),
                l.duplicates(), l.knockouts(), l.evidence(), l.history(), l.updatedAt(), List.of(requestId), null);
    }
}
