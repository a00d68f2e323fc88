package dev.leadstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.local.launcher.SampleCampaign;
import dev.leadstream.local.launcher.Stack;
import dev.leadstream.local.launcher.StackPorts;
import dev.leadstream.local.launcher.Workspace;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviewer decisions reach {@code approved} exactly once when hitl-api or the outbox relay is
 * killed (SIGKILL, no shutdown) between the click and the publish. hitl-api and the relay run as
 * their own processes on the real broker and database, as in the demo. The relay here holds each
 * batch for 4 s after its Kafka commit and before Debezium records it as processed, so that a kill
 * lands in the window where Debezium hands the same events over again after the restart.
 */
class DecisionsSurviveCrashesIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static Stack stack;
    private static ReviewApi api;
    private static TopicProbe probe;

    @BeforeAll
    static void startReviewServiceAndRelay() {
        Path home = Path.of(System.getProperty("leadstream.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("e2e/target/leadstream-crashes");
        WholeSystemIT.deleteRecursively(data);
        stack = new Stack(new Workspace(home, data), StackPorts.free(), 0)
                .configure("outbox-relay", Map.of("relay.fault.pause-after-publish.ms", "4000"));
        stack.up(START, List.of("hitl-api", "outbox-relay"));
        api = new ReviewApi(stack.hitlApiUrl(), stack.adminAuthorization());
        // the only active campaign: a selection that names none goes to it
        new SampleCampaign(stack.hitlApiUrl(), stack.adminAuthorization()).ensure();
        probe = new TopicProbe(stack.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void aRelayKilledAfterPublishingDoesNotPublishAgainWhenItComesBack() throws Exception {
        String first = lead("relay-first");
        api.post("/api/leads/" + first + "/select", 202);
        // killed as soon as the selection is on the topic: inside the relay's 4 s hold
        probe.readUntil(Topics.APPROVED.name(), Duration.ofSeconds(60), records -> selections(records).containsKey(first));
        stack.process("outbox-relay").kill();
        stack.restart("outbox-relay", START);
        String second = lead("relay-second");
        api.post("/api/leads/" + second + "/select", 202);

        Map<String, Long> seen = awaitSelections(List.of(first, second));
        assertThat(seen).containsEntry(first, 1L).containsEntry(second, 1L);
        // the restarted relay was handed the first decision again, and knew it had published it
        assertThat(relayHealth().path("skippedAsAlreadyPublished").asLong()).isPositive();
    }

    @Test
    void aReviewServiceKilledRightAfterTheClickLosesNoDecisionAndARetryDecidesNothingTwice() throws Exception {
        // the relay is down, so nothing can be published between the click and the kill
        stack.process("outbox-relay").kill();
        String leadId = lead("api-click");
        String key = UUID.randomUUID().toString();
        assertThat(api.tryPost("/api/leads/" + leadId + "/select", key)).isEqualTo(202);
        stack.process("hitl-api").kill();

        stack.restart("hitl-api", START);
        // a client that never saw the answer sends the same click again
        assertThat(api.tryPost("/api/leads/" + leadId + "/select", key)).isEqualTo(202);
        stack.restart("outbox-relay", START);
        assertThat(awaitSelections(List.of(leadId))).containsEntry(leadId, 1L);
    }

    @Test
    void aReviewServiceKilledInTheMiddleOfABurstOfClicksEndsWithEachDecisionOnceAfterRetries() throws Exception {
        List<String> leads = IntStream.range(0, 24).mapToObj(i -> lead("burst-" + i)).toList();
        List<String> keys = leads.stream().map(l -> UUID.randomUUID().toString()).toList();
        String heldLead = lead("burst-held");
        String heldKey = UUID.randomUUID().toString();
        ExecutorService reviewers = Executors.newFixedThreadPool(7);
        try (Connection lock = database(); Connection watch = database()) {
            // one click is certainly in flight at the kill: its transaction waits for this lead's row
            lock.setAutoCommit(false);
            try (PreparedStatement hold = lock.prepareStatement("select 1 from leads where lead_id = ? for update")) {
                hold.setString(1, heldLead);
                assertThat(hold.executeQuery().next()).isTrue();
            }
            Future<Integer> heldClick = reviewers.submit(() -> api.tryPost("/api/leads/" + heldLead + "/select", heldKey));
            await().atMost(Duration.ofSeconds(60)).until(() -> transactionsWaitingForALock(watch) > 0);
            List<Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < leads.size(); i++) {
                String leadId = leads.get(i);
                String key = keys.get(i);
                clicks.add(reviewers.submit(() -> api.tryPost("/api/leads/" + leadId + "/select", key)));
                if (i == leads.size() / 3) {
                    // some clicks were answered, some are in flight, the rest will meet a dead service
                    clicks.getFirst().get();
                    assertThat(heldClick).isNotDone();
                    stack.process("hitl-api").kill();
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> click : clicks) {
                statuses.add(click.get());
            }
            assertThat(statuses).contains(202).contains(ReviewApi.REFUSED);
            // the service died in the middle of the held click's transaction: no answer, nothing committed
            assertThat(heldClick.get()).isEqualTo(ReviewApi.NO_ANSWER);
            lock.rollback();
        } finally {
            reviewers.shutdown();
        }
        stack.restart("hitl-api", START);
        // every reviewer whose click failed clicks again with the same key; those who got 202 may too
        for (int i = 0; i < leads.size(); i++) {
            assertThat(api.tryPost("/api/leads/" + leads.get(i) + "/select", keys.get(i))).isEqualTo(202);
        }
        assertThat(api.tryPost("/api/leads/" + heldLead + "/select", heldKey)).isEqualTo(202);
        List<String> all = new ArrayList<>(leads);
        all.add(heldLead);
        Map<String, Long> seen = awaitSelections(all);
        all.forEach(leadId -> assertThat(seen).containsEntry(leadId, 1L));
    }

    private static Connection database() throws SQLException {
        return stack.databaseAsHitlApi();
    }

    private static int transactionsWaitingForALock(Connection watch) throws SQLException {
        try (ResultSet rs = watch.createStatement().executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A lead in the review table, as the scoring stream would publish it. */
    private static String lead(String name) {
        String leadId = name + "-" + System.nanoTime() + ".test";
        probe.send(Topics.SCORED_LEADS, leadId, new ScoredLead(leadId, name, "https://" + leadId + "/",
                List.of("info@" + leadId), List.of(), null, null, List.of(), List.of(), List.of("https://" + leadId + "/"),
                "default", 80, "A", List.of(), "prior-v1", Provenance.of("e2e", "1", null), null, null, null, null, null,
                null, null, null, null, null, null, null));
        // after a kill, the projection resumes once the dead consumer's group session has expired
        await().atMost(Duration.ofSeconds(90)).until(() -> api.tryGet("/api/leads/" + leadId) == 200);
        return leadId;
    }

    /** Waits until every lead's selection is on {@code approved}, then a little longer for any duplicate. */
    private static Map<String, Long> awaitSelections(List<String> leadIds) {
        probe.readUntil(Topics.APPROVED.name(), Duration.ofSeconds(90), records -> selections(records).keySet().containsAll(leadIds));
        Map<String, Long> counts = selections(probe.readFor(Topics.APPROVED.name(), Duration.ofSeconds(5)));
        counts.keySet().retainAll(leadIds);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(leadIds);
        return counts;
    }

    private static Map<String, Long> selections(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode event = readTree(new String(record.value(), StandardCharsets.UTF_8));
            if ("lead.selected".equals(event.path("type").asText())) {
                counts.merge(event.path("leadId").asText(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode relayHealth() throws IOException, InterruptedException {
        int port = stack.apps().stream().filter(a -> a.name().equals("outbox-relay")).findFirst().orElseThrow().httpPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/health")).build(), HttpResponse.BodyHandlers.ofString());
        return readTree(response.body());
    }
}
