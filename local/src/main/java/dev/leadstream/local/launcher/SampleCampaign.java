package dev.leadstream.local.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo's sample campaign, {@code leadstream/sample-campaign.json} (its statements cite the
 * lines of {@code sample-campaign-brief.txt}): what the sample businesses are offered, created
 * through the review API as a reviewer would. A workspace keeps it, so a second demo finds it
 * there and leaves it as it is.
 */
public final class SampleCampaign {

    public static final String RESOURCE = "/leadstream/sample-campaign.json";

    private final String apiUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Signed in with HTTP Basic ({@code authorization} is the header's value). */
    public SampleCampaign(String apiUrl, String authorization) {
        this.apiUrl = apiUrl;
        this.authorization = authorization;
    }

    public static String json() {
        try (InputStream in = SampleCampaign.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static String id() {
        return read(json()).path("campaignId").asText();
    }

    /** Creates the sample campaign unless the workspace has it already; answers its current version. */
    public JsonNode ensure() {
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/campaigns/" + id())).GET());
        if (existing.statusCode() == 200) {
            return read(existing.body());
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/campaigns"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json())));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the sample campaign was refused: " + created.statusCode() + " " + created.body());
        }
        return read(created.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
