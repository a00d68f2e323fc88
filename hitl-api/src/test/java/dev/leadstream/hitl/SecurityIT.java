package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
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

    private record Endpoint(String method, String path) {
        int callAs(RequestSpecification request) {
            RequestSpecification r = request.contentType(ContentType.JSON).body("{}");
            return switch (method) {
                case "GET" -> r.get(path).statusCode();
                case "PUT" -> r.put(path).statusCode();
                default -> r.post(path).statusCode();
            };
        }
    }

    private static final List<Endpoint> READS = List.of(new Endpoint("GET", "/api/leads"),
            new Endpoint("GET", "/api/leads/facets"), new Endpoint("GET", "/api/leads/export.csv"),
            new Endpoint("GET", "/api/leads/nowhere.test"), new Endpoint("GET", "/api/leads/nowhere.test/drafts"),
            new Endpoint("GET", "/api/drafts/none"), new Endpoint("GET", "/api/drafts/none/versions"),
            new Endpoint("GET", "/api/discovery-requests"), new Endpoint("GET", "/api/discovery-requests/none"),
            new Endpoint("GET", "/api/audit"), new Endpoint("GET", "/api/analytics/engagement"),
            new Endpoint("GET", "/api/analytics/funnel"), new Endpoint("GET", "/api/analytics/agents"),
            new Endpoint("GET", "/api/me"));
    private static final List<Endpoint> DECISIONS = List.of(new Endpoint("POST", "/api/leads/nowhere.test/select"),
            new Endpoint("POST", "/api/leads/bulk/select"), new Endpoint("POST", "/api/leads/bulk/reject"),
            new Endpoint("POST", "/api/drafts/none/approve"), new Endpoint("POST", "/api/drafts/none/reject"),
            new Endpoint("PUT", "/api/drafts/none"), new Endpoint("POST", "/api/discovery-requests"));
    private static final List<Endpoint> ADMINISTRATION = List.of(new Endpoint("GET", "/api/reviewers"),
            new Endpoint("POST", "/api/reviewers"));

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
            assertThat(e.callAs(Reviewers.as("vera", "viewer"))).as(e.toString()).isNotIn(401, 403);
        }
        for (Endpoint e : concat(DECISIONS, ADMINISTRATION)) {
            assertThat(e.callAs(Reviewers.as("vera", "viewer"))).as(e.toString()).isEqualTo(403);
        }
    }

    @Test
    void aReviewerDecidesButManagesNoAccounts() {
        for (Endpoint e : concat(READS, DECISIONS)) {
            assertThat(e.callAs(Reviewers.as("rita", "reviewer"))).as(e.toString()).isNotIn(401, 403);
        }
        for (Endpoint e : ADMINISTRATION) {
            assertThat(e.callAs(Reviewers.as("rita", "reviewer"))).as(e.toString()).isEqualTo(403);
        }
        Reviewers.as("rita", "reviewer").get("/api/me").then().body("username", equalTo("rita")).body("roles", equalTo(List.of("reviewer")));
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
