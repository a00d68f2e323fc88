package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One error format: every refusal and failure of the API is RFC 9457 problem details, says why in
 * a sentence, and names no internal class; NUL and invalid Unicode anywhere are a 400.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProblemDetailsIT {

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void nulAndInvalidUnicodeInPathQueryOrBodyAre400NotServerErrors() {
        Map<String, Supplier<Response>> cases = new LinkedHashMap<>();
        cases.put("NUL in a lead id", () -> raw().get("/api/leads/a%00b.test"));
        cases.put("NUL in a draft id", () -> raw().get("/api/drafts/%00/versions"));
        cases.put("NUL in a selected lead id", () -> raw().post("/api/leads/a%00.test/select"));
        cases.put("NUL in the search", () -> raw().get("/api/leads?q=bread%00"));
        cases.put("NUL in a filter", () -> raw().get("/api/leads/facets?city=Leeds%00"));
        cases.put("NUL in an audit filter", () -> raw().get("/api/audit?leadId=%00"));
        cases.put("bytes that are not UTF-8 in the query", () -> raw().get("/api/leads?q=%C3%28"));
        cases.put("a UTF-8 sequence cut short", () -> raw().get("/api/leads?q=%E2%82"));
        cases.put("NUL in a bulk lead id", () -> json("{\"leadIds\":[\"a\\u0000.test\"],\"comment\":\"no\"}").post("/api/leads/bulk/reject"));
        cases.put("NUL in a comment", () -> json("{\"leadIds\":[\"a.test\"],\"comment\":\"no\\u0000\"}").post("/api/leads/bulk/reject"));
        cases.put("half a surrogate pair in a comment", () -> json("{\"leadIds\":[\"a.test\"],\"comment\":\"no\\ud800\"}")
                .post("/api/leads/bulk/reject"));
        cases.put("NUL in a draft edit", () -> json("{\"version\":1,\"subject\":\"Hi\\u0000\"}").put("/api/drafts/any"));
        cases.put("NUL in a discovery sector", () -> json("{\"sector\":\"bakeries\\u0000\",\"seedUrls\":[\"http://rose.test/\"]}")
                .post("/api/discovery-requests"));
        cases.put("bytes that are not UTF-8 in a discovery body", () -> given().contentType(ContentType.JSON)
                .body(concat("{\"sector\":\"bake".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                        "\",\"seedUrls\":[\"http://rose.test/\"]}".getBytes(StandardCharsets.UTF_8)))
                .post("/api/discovery-requests"));
        cases.forEach((name, call) -> assertProblem(name, call.get(), 400));
    }

    @Test
    void wrongParametersNameThemselvesWith400() {
        assertThat(assertProblem("limit=abc", given().queryParam("limit", "abc").get("/api/leads"), 400)).contains("limit");
        assertThat(assertProblem("limit=abc on discovery", given().queryParam("limit", "abc").get("/api/discovery-requests"), 400))
                .contains("limit");
        assertThat(assertProblem("limit=abc on audit", given().queryParam("limit", "abc").get("/api/audit"), 400)).contains("limit");
        assertThat(assertProblem("If-Match not a number", given().header("If-Match", "abc").post("/api/drafts/any/approve"), 400))
                .contains("If-Match");
    }

    @Test
    void malformedBodiesSayWhatIsWrongWithoutNamingJavaTypes() {
        assertThat(assertProblem("not JSON", json("{not json").post("/api/leads/bulk/select"), 400)).contains("JSON");
        assertThat(assertProblem("wrong type", json("{\"leadIds\":\"a.test\"}").post("/api/leads/bulk/select"), 400))
                .contains("leadIds");
        assertThat(assertProblem("discovery not JSON", json("{not json").post("/api/discovery-requests"), 400)).isNotBlank();
        assertThat(assertProblem("discovery wrong type", json("{\"keywords\":{\"a\":1}}").post("/api/discovery-requests"), 400))
                .contains("keywords");
        assertProblem("empty body", given().contentType(ContentType.JSON).post("/api/leads/bulk/select"), 400);
    }

    @Test
    void notFoundWrongMethodWrongMediaTypeAndForbiddenAreProblemsToo() {
        assertProblem("unknown lead", given().get("/api/leads/nowhere.test"), 404);
        assertProblem("unknown path", given().get("/api/nothing-here"), 404);
        assertProblem("wrong method", given().delete("/api/leads"), 405);
        assertProblem("wrong media type", given().contentType(ContentType.TEXT).body("x").post("/api/leads/bulk/select"), 415);
        assertProblem("a viewer deciding", Reviewers.as("vera", "viewer").post("/api/leads/a.test/select"), 403);
        assertProblem("a reviewer reopening", Reviewers.as("rita").contentType(ContentType.JSON).body("{\"comment\":\"x\"}")
                .post("/api/leads/a.test/reopen"), 403);
    }

    @Test
    void notSignedInOrWrongCredentialsAre401Problems() {
        assertProblem("no credentials", given().auth().none().get("/api/leads"), 401);
        assertProblem("no credentials, deciding", given().auth().none().post("/api/leads/a.test/select"), 401);
        assertProblem("wrong password", given().auth().preemptive().basic(Reviewers.ADMIN, "wrong password").get("/api/leads"), 401);
    }

    /** Asserts a problem details answer with this status; answers its detail. */
    static String assertProblem(String name, Response response, int status) {
        assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        String body = response.asString();
        assertThat(body).as(name).doesNotContain("Exception").doesNotContain("java.").doesNotContain("dev.leadstream")
                .doesNotContain("com.fasterxml");
        var json = response.jsonPath();
        assertThat(json.getInt("status")).as(name).isEqualTo(status);
        assertThat(json.getString("type")).as(name).isNotBlank();
        assertThat(json.getString("title")).as(name).isNotBlank();
        assertThat(json.getString("instance")).as(name).startsWith("/api/");
        String detail = json.getString("detail");
        assertThat(detail).as(name).isNotBlank();
        return detail;
    }

    private static RequestSpecification raw() {
        return given().urlEncodingEnabled(false);
    }

    private static RequestSpecification json(String body) {
        return given().contentType("application/json; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
