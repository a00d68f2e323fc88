package dev.leadstream.hitl;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in for the tests: the first admin comes from the %test config; other reviewers are made
 * through the admin API, as an admin would.
 */
final class Reviewers {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-test-password";
    static final String PASSWORD = "reviewer-test-password";

    private Reviewers() {
    }

    /** Every request of the calling test class signs in as the admin unless it says otherwise. */
    static void signInAsAdmin() {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A request signed in as this account, made with these roles if it does not exist yet. */
    static RequestSpecification as(String username, String... roles) {
        int status = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles.length == 0 ? new String[] {"reviewer"} : roles)))
                .post("/api/reviewers").statusCode();
        assertThat(status).as("creating reviewer " + username).isIn(201, 409);
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
