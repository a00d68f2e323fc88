package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.topics.EventJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk decisions at the documented maximum answer, and many at once neither hang nor keep other
 * reviewers from the lead table. The waits are generous (a shared machine); how fast it is
 * belongs to docs/benchmarks.md.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BulkDecisionsIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(120);
    private static final int MAX_BULK = 500;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void selectingTheMaximumOf500LeadsAnswersAndDecidesEachOnce() throws Exception {
        List<String> ids = leads("max", MAX_BULK);
        HttpResponse<String> answer = post("/api/leads/bulk/select", Map.of("leadIds", ids, "comment", "all of them", "campaignId", Campaigns.everySegment()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<?, ?> outcome = EventJson.read(answer.body(), Map.class);
        assertThat((List<?>) outcome.get("decided")).hasSize(MAX_BULK);
        assertThat(HitlApiIT.count("select count(*) from decisions where kind = 'lead.selected' and lead_id like ?",
                prefixOf(ids) + "%")).isEqualTo(MAX_BULK);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'approved' and aggregateid like ?",
                prefixOf(ids) + "%")).isEqualTo(MAX_BULK);
        assertThat(HitlApiIT.count("select count(*) from leads where status = 'selected' and lead_id like ?",
                prefixOf(ids) + "%")).isEqualTo(MAX_BULK);
    }

    @Test
    void overTheMaximumIsRefusedNamingTheLimit() throws Exception {
        List<String> ids = IntStream.range(0, MAX_BULK + 1).mapToObj(i -> "over-" + i + ".test").toList();
        HttpResponse<String> answer = post("/api/leads/bulk/select", Map.of("leadIds", ids));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(EventJson.read(answer.body(), Map.class)).containsEntry("limit", MAX_BULK);
    }

    @Test
    void thirtyBulkCallsAtOnceAllAnswerDecideEachLeadOnceAndLeaveTheTableReadable() throws Exception {
        List<String> ids = leads("many", 300);
        AtomicBoolean bulkRunning = new AtomicBoolean(true);
        List<Integer> readsDuring = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (bulkRunning.get()) {
                readsDuring.add(get("/api/leads?limit=20").statusCode());
            }
        });
        // thirty calls over the same leads, each naming 200 of them from another starting point
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 30).mapToObj(i -> {
            List<String> some = new ArrayList<>();
            for (int j = 0; j < 200; j++) {
                some.add(ids.get((i * 10 + j) % ids.size()));
            }
            return http.sendAsync(request("/api/leads/bulk/select").POST(body(Map.of("leadIds", some, "campaignId", Campaigns.everySegment()))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(ANSWER_WITHIN.toSeconds() * 2, java.util.concurrent.TimeUnit.SECONDS);
        bulkRunning.set(false);
        reader.get(ANSWER_WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).as(call.get().body()).isIn(200, 503);
        }
        assertThat(readsDuring).as("the lead table answered while the bulk calls ran").isNotEmpty().containsOnly(200);
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id like ?", prefixOf(ids) + "%"))
                .as("each lead decided at most once").isEqualTo(HitlApiIT.count(
                        "select count(distinct lead_id) from decisions where lead_id like ?", prefixOf(ids) + "%"));
        // what the refused calls left undone, one more call finishes
        HttpResponse<String> rest = post("/api/leads/bulk/select", Map.of("leadIds", ids.subList(0, MAX_BULK > ids.size() ? ids.size() : MAX_BULK),
                "campaignId", Campaigns.everySegment()));
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(HitlApiIT.count("select count(*) from leads where status = 'selected' and lead_id like ?", prefixOf(ids) + "%"))
                .isEqualTo(ids.size());
    }

    private static List<String> leads(String name, int n) throws Exception {
        String prefix = name + "-" + UUID.randomUUID() + "-";
        List<String> ids = IntStream.range(0, n).mapToObj(i -> prefix + String.format("%04d", i) + ".test").toList();
        Rows.leads(ids, "bulk");
        return ids;
    }

    private static String prefixOf(List<String> ids) {
        return ids.getFirst().substring(0, ids.getFirst().lastIndexOf('-') + 1);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(request(path).POST(body(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " did not answer", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Reviewers.ADMIN + ":" + Reviewers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        return HttpRequest.BodyPublishers.ofString(EventJson.toJson(body));
    }
}
