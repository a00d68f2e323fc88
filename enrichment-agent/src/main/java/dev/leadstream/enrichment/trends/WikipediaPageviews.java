package dev.leadstream.enrichment.trends;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interest in a topic as daily page views of its Wikipedia article (the Wikimedia REST API's
 * per-article metrics): the last 7 days against the 28 before. Answers are cached, since interest
 * moves by the day and many leads share a topic.
 */
public final class WikipediaPageviews implements ExternalInterest {

    private static final int RECENT_DAYS = 7;
    private static final int BASELINE_DAYS = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final String project;
    private final String userAgent;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Reading> reading, Instant until) {
    }

    /** @param baseUrl for example {@code https://wikimedia.org/api/rest_v1} */
    public WikipediaPageviews(URI baseUrl, String project, String userAgent, Duration cacheFor, Clock clock) {
        this.baseUrl = baseUrl;
        this.project = project;
        this.userAgent = userAgent;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Optional<Reading> of(String topic) {
        Instant now = clock.instant();
        Cached cached = cache.get(topic);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.reading();
        }
        Optional<Reading> reading = fetch(topic, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
        cache.put(topic, new Cached(reading, now.plus(cacheFor)));
        return reading;
    }

    private Optional<Reading> fetch(String topic, LocalDate lastDay) {
        String article = URLEncoder.encode(articleTitle(topic), StandardCharsets.UTF_8);
        LocalDate first = lastDay.minusDays(RECENT_DAYS + BASELINE_DAYS - 1);
        URI uri = URI.create(baseUrl + "/metrics/pageviews/per-article/" + project + "/all-access/user/" + article + "/daily/"
                + DAY.format(first.atStartOfDay(ZoneOffset.UTC)) + "/" + DAY.format(lastDay.atStartOfDay(ZoneOffset.UTC)));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("User-Agent", userAgent).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty(); // no such article
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Wikimedia pageviews answered " + response.statusCode() + " for " + topic);
            }
            return reading(topic, EventJson.MAPPER.readTree(response.body()), lastDay);
        } catch (IOException e) {
            throw new IllegalStateException("Wikimedia pageviews could not be read for " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Wikimedia pageviews", e);
        }
    }

    private Optional<Reading> reading(String topic, JsonNode body, LocalDate lastDay) {
        LocalDate recentFrom = lastDay.minusDays(RECENT_DAYS - 1);
        List<Long> recent = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            LocalDate day = LocalDate.parse(item.path("timestamp").asText().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            (day.isBefore(recentFrom) ? baseline : recent).add(item.path("views").asLong());
        }
        if (recent.isEmpty() || baseline.isEmpty()) {
            return Optional.empty();
        }
        double now = recent.stream().mapToLong(Long::longValue).sum() / (double) RECENT_DAYS;
        double before = baseline.stream().mapToLong(Long::longValue).sum() / (double) BASELINE_DAYS;
        String evidence = String.format(Locale.ROOT,
                "%s Wikipedia page \"%s\": %.0f views a day over the 7 days to %s, against %.0f a day over the 28 before",
                project, articleTitle(topic), now, lastDay, before);
        return Optional.of(new Reading("wikipedia-pageviews", topic, now, before, evidence));
    }

    static String articleTitle(String topic) {
        String spaced = topic.trim().replace('-', ' ').replace('_', ' ');
        return (Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1)).replace(' ', '_');
    }
}
