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

    /** The status of a GET, or -1 when the service could not be reached. */
    int tryGet(String path) {
        return status(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization).GET().build());
    }

    /**
     * A decision as a client that may lose the answer sends it: with its idempotency key, returning
     * the status, or -1 when the connection failed (the service died before or after deciding).
     */
    int tryPost(String path, String idempotencyKey) {
        return status(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
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
