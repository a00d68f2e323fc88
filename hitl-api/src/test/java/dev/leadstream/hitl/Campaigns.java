package dev.leadstream.hitl;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Provenance;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Campaigns for the tests, written straight into the database as CampaignService writes them
 * (a version with its decision): the demo's sample campaign under another id, in a given status
 * and for given segments. Tests name the campaign they select into, since other tests' campaigns
 * share the database.
 */
public final class Campaigns {

    private static String everySegment;

    private Campaigns() {
    }

    /** An active campaign that targets every segment, made once per test run. */
    public static synchronized String everySegment() {
        if (everySegment == null) {
            everySegment = create(Campaign.ACTIVE, List.of()).campaignId();
        }
        return everySegment;
    }

    /** A request that selects into {@link #everySegment()}. */
    static RequestSpecification into(RequestSpecification request) {
        return into(request, everySegment());
    }

    static RequestSpecification into(RequestSpecification request, String campaignId) {
        return request.contentType(ContentType.JSON).body(Map.of("campaignId", campaignId));
    }

    /** A new campaign at version 1, the sample's content with its own id. */
    static Campaign create(String status, List<String> segments) {
        Campaign sample = sample();
        Campaign campaign = new Campaign("it-" + UUID.randomUUID(), 1, sample.name(), status, sample.offering(), sample.sender(),
                sample.tone(), sample.callToAction(), sample.channels(), sample.languages(), segments, sample.sequence(),
                sample.sendPreferences(), Reviewers.ADMIN, Instant.now(), Provenance.of("hitl-api", "0.1.0", "reviewer:admin"));
        try {
            Rows.campaign(campaign);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return campaign;
    }

    static Campaign sample() {
        try (InputStream in = Campaigns.class.getResourceAsStream("/leadstream/sample-campaign.json")) {
            return EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Campaign.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
