package dev.leadstream.hitl;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-out ends the session on the server; repeated failures lock an account name and a source
 * address for a while, audited. The lock lasts seconds here so the test can wait it out.
 */
@QuarkusTest
@TestProfile(SignInIT.QuickLocks.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SignInIT {

    static final int LOCK_AFTER = 4;
    static final int ADDRESS_LOCK_AFTER = 12;
    static final Duration LOCK_FOR = Duration.ofSeconds(4);
    private static final String CSRF = "c".repeat(43);

    public static class QuickLocks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>();
            for (String prefix : new String[] {"", "%test."}) {
                settings.put(prefix + "leadstream.sign-in.slow-after", "2");
                settings.put(prefix + "leadstream.sign-in.delay", "PT0.02S");
                settings.put(prefix + "leadstream.sign-in.max-delay", "PT0.1S");
                settings.put(prefix + "leadstream.sign-in.lock-after", Integer.toString(LOCK_AFTER));
                settings.put(prefix + "leadstream.sign-in.address-lock-after", Integer.toString(ADDRESS_LOCK_AFTER));
                settings.put(prefix + "leadstream.sign-in.lock-for", LOCK_FOR.toString());
            }
            return settings;
        }
    }

    @BeforeEach
    @AfterEach
    void noLocksLeftOver() throws Exception {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        execute("delete from sign_in_failures");
    }

    @Test
    void anOldSessionCookieIsRefusedAfterSigningOut() {
        Map<String, String> kept = signInWithTheForm(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        Map<String, String> otherBrowser = signInWithTheForm(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        assertThat(page("/ui/leads", kept).statusCode()).isEqualTo(200);

        Response signedOut = given().redirects().follow(false).cookies(kept).cookie("leadstream-csrf", CSRF)
                .formParam("csrf-token", CSRF).post("/ui/logout");
        assertThat(signedOut.statusCode()).isEqualTo(303);

        Response withTheOldCookies = page("/ui/leads", kept);
        assertThat(withTheOldCookies.statusCode()).isEqualTo(302);
        assertThat(withTheOldCookies.header("Location")).endsWith("/ui/login");
        assertThat(page("/ui/leads", otherBrowser).statusCode()).as("another session of the same reviewer").isEqualTo(200);
    }

    @Test
    void aSessionCookieWithoutItsServerSideSessionIsRefused() {
        Map<String, String> cookies = new HashMap<>(signInWithTheForm(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD));
        cookies.remove("leadstream-session-id");
        assertThat(page("/ui/leads", cookies).statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheLockExpiresAndTheLockIsAudited() throws Exception {
        String name = "locky" + System.nanoTime();
        Reviewers.as(name).get("/api/me").then().statusCode(200);
        for (int i = 0; i < LOCK_AFTER; i++) {
            given().auth().preemptive().basic(name, "wrong-" + i).get("/api/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(name, Reviewers.PASSWORD).get("/api/me").then().statusCode(401);
        Response form = given().redirects().follow(false).formParam("j_username", name).formParam("j_password", Reviewers.PASSWORD)
                .post("/j_security_check");
        assertThat(form.header("Location")).as("the form while locked").contains("error=true");
        assertThat(form.getCookies()).doesNotContainKey("leadstream-session");
        assertThat(HitlApiIT.count("select count(*) from audit_trail where type = 'sign-in.locked' and subject_id = ?",
                "account:" + name)).isEqualTo(1);

        await().atMost(LOCK_FOR.multipliedBy(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().preemptive().basic(name, Reviewers.PASSWORD).get("/api/me").then().statusCode(200));
    }

    @Test
    void failuresFromOneAddressLockItForEveryAccountAndTheLockIsAudited() throws Exception {
        String name = "bystander" + System.nanoTime();
        Reviewers.as(name).get("/api/me").then().statusCode(200);
        for (int i = 0; i < ADDRESS_LOCK_AFTER; i++) {
            given().auth().preemptive().basic("nobody-" + i + "-" + System.nanoTime(), "guess").get("/api/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(name, Reviewers.PASSWORD).get("/api/me").then().statusCode(401);
        assertThat(HitlApiIT.count("select count(*) from audit_trail where type = 'sign-in.locked' and subject_id like ?",
                "address:%")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theRightPasswordClearsAnAccountsFailuresBeforeTheLock() {
        String name = "forgetful" + System.nanoTime();
        Reviewers.as(name).get("/api/me").then().statusCode(200);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LOCK_AFTER - 1; i++) {
                given().auth().preemptive().basic(name, "typo-" + i).get("/api/me").then().statusCode(401);
            }
            given().auth().preemptive().basic(name, Reviewers.PASSWORD).get("/api/me").then().statusCode(200);
        }
    }

    private static Map<String, String> signInWithTheForm(String username, String password) {
        Response response = given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.getCookies()).containsKeys("leadstream-session", "leadstream-session-id");
        return response.getCookies();
    }

    private static void execute(String sql) throws Exception {
        LocalPostgres postgres = SharedInfra.postgres();
        try (Connection c = postgres.connectAs(Credentials.DB_HITL_API)) {
            c.createStatement().execute(sql);
        }
    }

    private static Response page(String path, Map<String, String> cookies) {
        return given().redirects().follow(false).cookies(cookies).get(path);
    }
}
