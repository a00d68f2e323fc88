package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.hitl.rest.Problem;
import dev.leadstream.hitl.rest.RequestGuard;
import dev.leadstream.topics.EventJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the API accepts can outgrow what Kafka and the relay carry: a body over its limit is
 * 413, a field, list or number over its limit is 422 naming the limit, and nothing is written.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InputLimitsIT {

    @TestHTTPResource("/api/discovery-requests")
    URI discoveryRequests;

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void aDiscoveryRequestWithAMegabyteSectorIsRefusedAndNothingReachesTheOutbox() throws Exception {
        long before = HitlApiIT.count("select count(*) from outbox where aggregatetype = ?", "discovery-requests");
        Response answer = discovery(Map.of("sector", "b".repeat(1024 * 1024), "seedUrls", List.of("http://rose.test/")));
        assertThat(ProblemDetailsIT.assertProblem("1 MiB sector", answer, 413)).contains("bytes");
        assertThat(answer.jsonPath().getInt("limit")).isEqualTo(512 * 1024);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = ?", "discovery-requests")).isEqualTo(before);
    }

    @Test
    void aBodySentWithoutALengthIsCappedLikeASizedOne() throws Exception {
        long before = HitlApiIT.count("select count(*) from outbox where aggregatetype = ?", "discovery-requests");
        byte[] body = EventJson.toBytes(Map.of("sector", "b".repeat(600 * 1024), "seedUrls", List.of("http://rose.test/")));
        // a stream of unknown length goes chunked, with no Content-Length to refuse it by
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(discoveryRequests).header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (Reviewers.ADMIN + ":" + Reviewers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
        assertThat(EventJson.MAPPER.readTree(answer.body()).path("limit").asInt()).isEqualTo(RequestGuard.MAX_BODY_BYTES);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = ?", "discovery-requests")).isEqualTo(before);
    }

    @Test
    void eachDiscoveryFieldListAndNumberHasALimitTheAnswerNames() throws Exception {
        long before = HitlApiIT.count("select count(*) from outbox where aggregatetype = ?", "discovery-requests");
        List<String> seed = List.of("http://rose.test/");
        overLimit(discovery(Map.of("sector", "b".repeat(201), "seedUrls", seed)), "sector", 200);
        overLimit(discovery(Map.of("geography", "g".repeat(201), "seedUrls", seed)), "geography", 200);
        overLimit(discovery(Map.of("keywords", Collections.nCopies(51, "bread"), "seedUrls", seed)), "keywords", 50);
        overLimit(discovery(Map.of("keywords", List.of("k".repeat(101)), "seedUrls", seed)), "keywords", 100);
        overLimit(discovery(Map.of("seedUrls", Collections.nCopies(101, "http://rose.test/"))), "seedUrls", 100);
        overLimit(discovery(Map.of("seedUrls", List.of("http://rose.test/" + "p".repeat(2000)))), "seedUrls", 2000);
        overLimit(discovery(Map.of("sources", List.of("import"), "businessList", "name\n" + "Rose Bakery\n".repeat(5001))),
                "businessList", 5000);
        overLimit(discovery(Map.of("seedUrls", seed, "limits", Map.of("maxPages", 1_000_000, "maxDepth", 1, "maxLeads", 1,
                "maxSeconds", 1))), "maxPages", 100_000);
        overLimit(discovery(Map.of("seedUrls", seed, "limits", Map.of("maxPages", 1, "maxDepth", 1, "maxLeads", 1,
                "maxSeconds", Integer.MAX_VALUE))), "maxSeconds", 86_400);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = ?", "discovery-requests")).isEqualTo(before);
    }

    @Test
    void decisionsCommentsIdsAndKeysHaveLimitsToo() {
        overLimit(given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of("a.test"), "comment", "c".repeat(2001)))
                .post("/api/leads/bulk/reject"), "comment", 2000);
        overLimit(given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of("l".repeat(501))))
                .post("/api/leads/bulk/select"), "leadIds", 500);
        overLimit(given().contentType(ContentType.JSON).body(Map.of("comment", "c".repeat(2001))).post("/api/drafts/any/reject"),
                "comment", 2000);
        overLimit(given().header("Idempotency-Key", "k".repeat(201)).post("/api/leads/" + UUID.randomUUID() + ".test/select"),
                "Idempotency-Key", 200);
        overLimit(given().queryParam("q", "q".repeat(201)).get("/api/leads"), "q", 200);
        overLimit(given().queryParam("sector", Collections.nCopies(51, "bakery")).get("/api/leads"), "sector", 50);
        overLimit(given().contentType(ContentType.JSON).body(Map.of("version", 1, "socialPosts",
                Collections.nCopies(21, Map.of("platform", "x", "text", "hi")))).put("/api/drafts/any"), "socialPosts", 20);
        overLimit(given().contentType(ContentType.JSON).body(Map.of("version", 1, "textBody", "t".repeat(20_001)))
                .put("/api/drafts/any"), "textBody", 20_000);
        overLimit(given().contentType(ContentType.JSON).body(Map.of("version", 1, "htmlBody", "h".repeat(20_001)))
                .put("/api/drafts/any"), "htmlBody", 20_000);
        overLimit(given().contentType(ContentType.JSON).body(Map.of("version", 1, "subject", "s".repeat(201)))
                .put("/api/drafts/any"), "subject", 200);
    }

    private static void overLimit(Response answer, String field, int limit) {
        assertThat(ProblemDetailsIT.assertProblem(field, answer, 422)).contains(field);
        assertThat(answer.jsonPath().getInt("limit")).as(field).isEqualTo(limit);
    }

    private static Response discovery(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/discovery-requests");
    }
}
