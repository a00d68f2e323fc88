package dev.leadstream.hitl.bench;

import dev.leadstream.hitl.Campaigns;
import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk selection at its maximum: {@code bench.rounds} calls of 500 leads each, one after another;
 * then 30 bulk calls at once while one client reads the lead table, timing the reads. Not a test:
 * {@code ./mvnw -B -Pbenchmark verify -pl hitl-api -am -DskipITs -Dtest=BulkDecisionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; numbers go to
 * docs/benchmarks.md.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BulkDecisionBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bulkSelectOf500() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> ids = leads(500);
            long start = System.nanoTime();
            HttpResponse<String> answer = post(ids);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        Collections.sort(millis);
        System.out.printf("bulk select of 500: %d calls, p50 %d ms, max %d ms%n", ROUNDS, millis.get(millis.size() / 2),
                millis.getLast());

        List<String> ids = leads(300);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                send(HttpRequest.newBuilder(uri("api/leads?limit=50")).header("Authorization", AUTH).GET().build());
                reads.add((System.nanoTime() - start) / 1_000_000);
            }
        });
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 30).mapToObj(i -> http.sendAsync(
                request(IntStream.range(0, 200).mapToObj(j -> ids.get((i * 10 + j) % ids.size())).toList()),
                HttpResponse.BodyHandlers.ofString())).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        long all = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        reader.join();
        long ok = calls.stream().filter(c -> c.join().statusCode() == 200).count();
        List<Long> sorted = new ArrayList<>(reads);
        Collections.sort(sorted);
        System.out.printf("30 bulk selects of 200 at once: all answered in %d ms (%d decided, %d told to retry);"
                        + " %d table reads meanwhile, p50 %d ms, p99 %d ms, max %d ms%n", all, ok, 30 - ok, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.getLast());
    }

    private List<String> leads(int n) throws Exception {
        String prefix = "bench-" + UUID.randomUUID() + "-";
        List<String> ids = IntStream.range(0, n).mapToObj(i -> prefix + i + ".test").toList();
        LocalPostgres postgres = SharedInfra.postgres();
        try (Connection c = postgres.connectAs(Credentials.DB_HITL_API);
             PreparedStatement insert = c.prepareStatement("insert into leads (lead_id, name, score, tier, segment, lead)"
                     + " values (?, ?, 50, 'C', 'bench', cast(? as jsonb))")) {
            for (String id : ids) {
                insert.setString(1, id);
                insert.setString(2, id);
                insert.setString(3, EventJson.toJson(new ScoredLead(id, id, "https://" + id + "/", List.of(), List.of(), null,
                        null, List.of(), List.of(), List.of(), "bench", 50, "C", List.of(), "prior-v1",
                        Provenance.of("bench", "1", null), null, null, null, null, null, null, null, null, null, null, null, null)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids;
    }

    private HttpResponse<String> post(List<String> ids) {
        return send(request(ids));
    }

    private HttpRequest request(List<String> ids) {
        return HttpRequest.newBuilder(uri("api/leads/bulk/select")).timeout(Duration.ofMinutes(5)).header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(Map.of("leadIds", ids, "campaignId", Campaigns.everySegment())))).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString() + path);
    }
}
