package dev.leadstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The review API as a reviewer's client sees it: JSON over HTTP on 127.0.0.1. */
final class ReviewApi {

    /** {@link #tryPost} could not connect: the request never reached the service. */
    static final int REFUSED = -1;
    /** {@link #tryPost} connected and sent, and the connection ended without an answer: in flight when the service died. */
    static final int NO_ANSWER = -2;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    /** Signed in with HTTP Basic ({@code authorization} is the header's value). */
    ReviewApi(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization).GET().build(), 200);
    }

    JsonNode post(String path, int expectedStatus) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), expectedStatus);
    }

    /** A JSON body posted, as a reviewer's client does. */
    JsonNode post(String path, Object body, int expectedStatus) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body))).build(), expectedStatus);
    }

    /** The status of a GET, or a negative number when the service could not be reached or did not answer. */
    int tryGet(String path) {
        return status(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization).GET().build());
    }

    /**
     * A decision as a client that may lose the answer sends it: with its idempotency key, returning
     * the status, {@link #REFUSED} or {@link #NO_ANSWER}.
     */
    int tryPost(String path, String idempotencyKey) {
        return status(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.ConnectException e) {
            return REFUSED;
        } catch (IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return EventJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
