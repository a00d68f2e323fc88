package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Every endpoint against every role: no one unsigned, viewers read, reviewers decide, admins manage reviewers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SecurityIT {

    /** {@code allowed}: the exact answer to a caller whose role may use it (the targets do not exist). */
    private record Endpoint(String method, String path, int allowed) {
        int callAs(RequestSpecification request) {
            RequestSpecification r = request.contentType(ContentType.JSON).body("{}");
            return switch (method) {
                case "GET" -> r.get(path).statusCode();
                case "PUT" -> r.put(path).statusCode();
                default -> r.post(path).statusCode();
            };
        }
    }

    private static final List<Endpoint> READS = List.of(new Endpoint("GET", "/api/leads", 200),
            new Endpoint("GET", "/api/leads/facets", 200), new Endpoint("GET", "/api/leads/export.csv", 200),
            new Endpoint("GET", "/api/leads/nowhere.test", 404), new Endpoint("GET", "/api/leads/nowhere.test/drafts", 200),
            new Endpoint("GET", "/api/drafts/none", 404), new Endpoint("GET", "/api/drafts/none/versions", 200),
            new Endpoint("GET", "/api/drafts?campaignId=none", 200),
            new Endpoint("GET", "/api/discovery-requests", 200), new Endpoint("GET", "/api/discovery-requests/none", 404),
            new Endpoint("GET", "/api/audit", 200), new Endpoint("GET", "/api/analytics/engagement", 200),
            new Endpoint("GET", "/api/analytics/funnel", 200), new Endpoint("GET", "/api/analytics/agents", 200),
            new Endpoint("GET", "/api/me", 200), new Endpoint("GET", "/api/campaigns", 200),
            new Endpoint("GET", "/api/campaigns/none", 404), new Endpoint("GET", "/api/campaigns/none/versions", 404));
    private static final List<Endpoint> DECISIONS = List.of(new Endpoint("POST", "/api/leads/nowhere.test/select", 404),
            new Endpoint("POST", "/api/leads/bulk/select", 400), new Endpoint("POST", "/api/leads/bulk/reject", 400),
            new Endpoint("POST", "/api/drafts/none/approve", 404), new Endpoint("POST", "/api/drafts/none/reject", 400),
            new Endpoint("PUT", "/api/drafts/none", 422), new Endpoint("POST", "/api/drafts/none/regenerate", 422),
            new Endpoint("POST", "/api/discovery-requests", 400),
            new Endpoint("POST", "/api/campaigns", 422), new Endpoint("PUT", "/api/campaigns/none", 428),
            new Endpoint("POST", "/api/campaigns/none/pause", 404));
    private static final List<Endpoint> ADMINISTRATION = List.of(new Endpoint("GET", "/api/reviewers", 200),
            new Endpoint("POST", "/api/reviewers", 400), new Endpoint("POST", "/api/leads/nowhere.test/reopen", 400));

    @BeforeEach
    void nobodyByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void withoutSigningInEveryEndpointAnswers401ButHealthAnswers() {
        for (Endpoint e : concat(READS, DECISIONS, ADMINISTRATION)) {
            assertThat(e.callAs(given())).as(e.toString()).isEqualTo(401);
            assertThat(e.callAs(given().auth().preemptive().basic(Reviewers.ADMIN, "wrong password"))).as(e.toString()).isEqualTo(401);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aViewerReadsButDecidesNothing() {
        for (Endpoint e : READS) {
            assertThat(e.callAs(Reviewers.as("vera", "viewer"))).as(e.toString()).isEqualTo(e.allowed());
        }
        for (Endpoint e : concat(DECISIONS, ADMINISTRATION)) {
            assertThat(e.callAs(Reviewers.as("vera", "viewer"))).as(e.toString()).isEqualTo(403);
        }
    }

    @Test
    void aReviewerDecidesButManagesNoAccounts() {
        for (Endpoint e : concat(READS, DECISIONS)) {
            assertThat(e.callAs(Reviewers.as("rita", "reviewer"))).as(e.toString()).isEqualTo(e.allowed());
        }
        for (Endpoint e : ADMINISTRATION) {
            assertThat(e.callAs(Reviewers.as("rita", "reviewer"))).as(e.toString()).isEqualTo(403);
        }
        Reviewers.as("rita", "reviewer").get("/api/me").then().body("username", equalTo("rita")).body("roles", equalTo(List.of("reviewer")));
    }

    @Test
    void aReviewerReallyDecidesWhatAViewerCannot() throws Exception {
        String prefix = "roles-" + java.util.UUID.randomUUID();
        List<String> leads = List.of(prefix + "-a.test", prefix + "-b.test");
        Rows.leads(leads, "roles");
        Draft approved = HitlApiIT.draft(java.util.UUID.randomUUID().toString(), prefix + "-c.test", List.of());
        Draft rejected = HitlApiIT.draft(java.util.UUID.randomUUID().toString(), prefix + "-d.test", List.of());
        Rows.draft(approved);
        Rows.draft(rejected);
        String discovery = "{\"sector\":\"bakeries\",\"seedUrls\":[\"http://rose.test/\"]}";

        RequestSpecification viewer = Reviewers.as("vera", "viewer");
        assertThat(viewer.post("/api/leads/" + leads.get(0) + "/select").statusCode()).isEqualTo(403);
        assertThat(Reviewers.as("vera", "viewer").post("/api/drafts/" + approved.draftId() + "/approve").statusCode()).isEqualTo(403);
        assertThat(Reviewers.as("vera", "viewer").contentType(ContentType.JSON).body(discovery).post("/api/discovery-requests")
                .statusCode()).isEqualTo(403);
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id like ?", prefix + "%")).isZero();

        Campaigns.into(Reviewers.as("rita", "reviewer")).post("/api/leads/" + leads.get(0) + "/select").then().statusCode(202)
                .body("reviewer", equalTo("rita"));
        Reviewers.as("rita", "reviewer").contentType(ContentType.JSON)
                .body(java.util.Map.of("leadIds", List.of(leads.get(1)), "comment", "not ours")).post("/api/leads/bulk/reject")
                .then().statusCode(200).body("decided", equalTo(List.of(leads.get(1))));
        Reviewers.as("rita", "reviewer").contentType(ContentType.JSON).body(java.util.Map.of("version", 1, "subject", "Fresh bread"))
                .put("/api/drafts/" + approved.draftId()).then().statusCode(202);
        Reviewers.as("rita", "reviewer").post("/api/drafts/" + approved.draftId() + "/approve").then().statusCode(202);
        Reviewers.as("rita", "reviewer").contentType(ContentType.JSON).body(java.util.Map.of("comment", "too pushy"))
                .post("/api/drafts/" + rejected.draftId() + "/reject").then().statusCode(202);
        Reviewers.as("rita", "reviewer").contentType(ContentType.JSON).body(discovery).post("/api/discovery-requests")
                .then().statusCode(202);
        assertThat(HitlApiIT.count("select count(*) from decisions where reviewer = 'rita' and lead_id like ?", prefix + "%"))
                .isEqualTo(5);
    }

    @Test
    void anAdminMakesAccountsWithValidNamesPasswordsAndRoles() {
        RequestSpecification admin = given().auth().preemptive().basic(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).contentType(ContentType.JSON);
        admin.body("{\"username\":\"x\",\"password\":\"long-enough-password\",\"roles\":[\"viewer\"]}").post("/api/reviewers")
                .then().statusCode(400);
        given().auth().preemptive().basic(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body("{\"username\":\"short\",\"password\":\"short\",\"roles\":[\"viewer\"]}").post("/api/reviewers")
                .then().statusCode(400);
        given().auth().preemptive().basic(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body("{\"username\":\"owner\",\"password\":\"long-enough-password\",\"roles\":[\"owner\"]}").post("/api/reviewers")
                .then().statusCode(400);
        Reviewers.as("vic", "viewer");
        given().auth().preemptive().basic(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).get("/api/reviewers").then().statusCode(200)
                .body("username", hasItem("vic")).body("toString()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("pbkdf2")));
    }

    @SafeVarargs
    private static List<Endpoint> concat(List<Endpoint>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
