package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * hitl-api with OIDC configured: API clients send bearer tokens from the identity provider (a
 * local one on 127.0.0.1, see {@link LocalOidcProvider}); the token's user decides, its groups are
 * the roles, and a token that is forged, expired or missing gets 401.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LocalOidcProvider.class)
class OidcIT {

    @BeforeAll
    static void noDefaultCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void aReviewersTokenDecidesInTheirNameAndAViewersTokenOnlyReads() throws Exception {
        String leadId = "oidc" + System.nanoTime() + ".test";
        new TopicProbe(SharedInfra.kafka().bootstrapServers()).send(Topics.SCORED_LEADS, leadId, HitlApiIT.lead(leadId, 77));
        String viewer = LocalOidcProvider.token("vic", List.of("viewer"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(viewer).get("/api/leads/" + leadId).statusCode() == 200);

        given().auth().oauth2(viewer).post("/api/leads/" + leadId + "/select").then().statusCode(403);
        Campaigns.into(given().auth().oauth2(LocalOidcProvider.token("olga", List.of("reviewer"))))
                .post("/api/leads/" + leadId + "/select").then().statusCode(202).body("reviewer", equalTo("olga"));
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ? and reviewer = 'olga'", leadId)).isEqualTo(1);
        given().auth().oauth2(viewer).get("/api/me").then().statusCode(200).body("username", equalTo("vic"));
    }

    @Test
    void forgedExpiredOrMissingTokensAndBasicCredentialsAreRefused() throws Exception {
        given().get("/api/leads").then().statusCode(401);
        given().auth().oauth2(LocalOidcProvider.token("mallory", List.of("admin"), Instant.now().plusSeconds(300),
                LocalOidcProvider.strangerKey())).get("/api/leads").then().statusCode(401);
        given().auth().oauth2(LocalOidcProvider.expiredToken("olga", List.of("reviewer"))).get("/api/leads").then().statusCode(401);
        // with OIDC the API takes bearer tokens only
        given().auth().preemptive().basic(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).get("/api/leads").then().statusCode(401);
    }
}
