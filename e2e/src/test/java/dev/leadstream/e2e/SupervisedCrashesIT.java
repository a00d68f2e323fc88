package dev.leadstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.local.launcher.AppSpec;
import dev.leadstream.local.launcher.SampleCampaign;
import dev.leadstream.local.launcher.Stack;
import dev.leadstream.local.launcher.StackPorts;
import dev.leadstream.local.launcher.Supervisor;
import dev.leadstream.local.launcher.Workspace;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every process of the stack is killed with SIGKILL while leads and decisions flow, and the
 * supervisor (as {@code up} and {@code demo} run it) starts each one again: every agent, both
 * Streams apps, the outbox relay and the infrastructure process that holds the broker. Then no
 * lead is missing from the review table, every decision is on {@code approved} exactly once,
 * every approved draft reached its recipient exactly once, and the learned model counted every
 * engagement exactly once. outreach-agent is killed between the SMTP server's acceptance and the
 * ledger's confirmation, held there by its crash-test hold.
 */
class SupervisedCrashesIT {

    private static final int SITES = 4;
    private static final int HOSTILE_SITES_WITH_A_NAME = 2;
    private static final Duration RESTART = Duration.ofMinutes(3);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static Stack stack;
    private static Supervisor supervisor;
    private static ReviewApi api;
    private static TopicProbe probe;
    private static final List<String> supervisorSaid = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSupervisedStack() {
        Path home = Path.of(System.getProperty("leadstream.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("e2e/target/leadstream-supervised");
        WholeSystemIT.deleteRecursively(data);
        stack = new Stack(new Workspace(home, data), StackPorts.free(), SITES)
                .configure("outreach-agent", Map.of("outreach.fault.pause-after-send.ms", "30000"));
        stack.up(Duration.ofMinutes(4));
        supervisor = new Supervisor(stack, supervisorSaid::add).start();
        api = new ReviewApi(stack.hitlApiUrl(), stack.adminAuthorization());
        // the only active campaign: a selection that names none goes to it
        new SampleCampaign(stack.hitlApiUrl(), stack.adminAuthorization()).ensure();
        probe = new TopicProbe(stack.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void killingEachProcessMidFlowLosesNoLeadNoDecisionAndSendsNothingTwice() throws Exception {
        LeadFlow flow = new LeadFlow();
        flow.start();

        // the scraper, in the middle of a crawl: the request is read again and crawled to the end
        String discovery = stack.submitDiscovery("directory", List.of(stack.sampleDirectory()));
        probe.readUntil(Topics.RAW_LEADS.name(), Duration.ofMinutes(2), rs -> rs.stream().anyMatch(r -> fromRequest(r, discovery)));
        killAndAwaitRestart("scraper-agent");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> sampleLeadsInTable() == SITES + HOSTILE_SITES_WITH_A_NAME);

        // the lead pipeline while synthetic leads keep arriving on raw-leads
        for (String process : List.of("scoring-stream", "enrichment-agent", "hitl-api", Stack.INFRA)) {
            flow.awaitMore(3);
            killAndAwaitRestart(process);
        }
        flow.awaitMore(3);

        // decisions: two selections published, the relay killed, two more while it is down
        List<String> chosen = awaitInTable(flow.produced().subList(0, 5));
        select(chosen.subList(0, 2));
        awaitOnApproved(Approval.SELECTED, chosen.subList(0, 2));
        killAndAwaitRestart("outbox-relay", () -> select(chosen.subList(2, 4)));
        // persona-agent once its first draft is out, before the last selection
        probe.readUntil(Topics.DRAFTS.name(), Duration.ofMinutes(2), rs -> rs.stream().anyMatch(r -> chosen.contains(key(r))));
        killAndAwaitRestart("persona-agent");
        select(chosen.subList(4, 5));
        Map<String, JsonNode> drafts = awaitDrafts(chosen);

        // outreach-agent after SMTP accepted the first email and before the ledger confirmed it
        drafts.values().forEach(d -> api.post("/api/drafts/" + d.path("draftId").asText() + "/approve", 202));
        Map<String, String> recipients = new LinkedHashMap<>();
        drafts.forEach((lead, d) -> recipients.put(lead, d.path("email").path("to").asText()));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> totalMails(recipients.values()) >= 1);
        assertThat(log("outreach-agent")).contains("crash-test hold");
        stack.configure("outreach-agent", Map.of("outreach.fault.pause-after-send.ms", "0"));
        killAndAwaitRestart("outreach-agent");

        // feedback-stream once engagement flows
        probe.readUntil(Topics.ENGAGEMENT.name(), Duration.ofMinutes(2), rs -> !rs.isEmpty());
        killAndAwaitRestart("feedback-stream");
        flow.stop();

        // 0 lost leads: every synthetic lead and every sample business is scored, enriched and in the table
        awaitInTable(flow.produced());
        assertThat(keys(probe.readFor(Topics.SCORED_LEADS.name(), Duration.ofSeconds(5)))).containsAll(flow.produced());
        assertThat(sampleLeadsInTable()).isEqualTo(SITES + HOSTILE_SITES_WITH_A_NAME);

        // 0 lost or repeated decisions: each selection and approval once on approved, one draft per lead
        assertThat(awaitOnApproved(Approval.SELECTED, chosen)).allSatisfy((lead, n) -> assertThat(n).isEqualTo(1L));
        assertThat(awaitOnApproved(Approval.APPROVED, chosen)).allSatisfy((lead, n) -> assertThat(n).isEqualTo(1L));
        chosen.forEach(lead -> assertThat(api.get("/api/leads/" + lead + "/drafts").size()).isEqualTo(1));

        // 0 double sends: each recipient has exactly one email, and stays so; the held send was not repeated
        await().atMost(Duration.ofMinutes(2)).until(() -> totalMails(recipients.values()) == recipients.size());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .until(() -> recipients.values().stream().allMatch(r -> mails(r) == 1));
        assertThat(log("outreach-agent")).contains("a send was started before and never confirmed");

        // feedback-stream (exactly-once) counted every engagement once across its kill
        awaitModelsCountEveryEngagement();

        for (String process : List.of("scraper-agent", "scoring-stream", "enrichment-agent", "hitl-api", Stack.INFRA,
                "outbox-relay", "persona-agent", "outreach-agent", "feedback-stream")) {
            assertThat(supervisor.restarts(process)).as("restarts of " + process + "; supervisor said " + supervisorSaid)
                    .isGreaterThanOrEqualTo(1);
        }
    }

    /** SIGKILL, then wait until the supervisor has it running and ready again. */
    private static void killAndAwaitRestart(String process) {
        killAndAwaitRestart(process, () -> { });
    }

    private static void killAndAwaitRestart(String process, Runnable whileDown) {
        long pid = stack.process(process).handle().orElseThrow(() -> new AssertionError(process + " is not running")).pid();
        stack.process(process).kill();
        whileDown.run();
        await().atMost(RESTART).pollInterval(Duration.ofMillis(500)).until(() -> ready(process, pid));
    }

    private static boolean ready(String process, long oldPid) {
        boolean restarted = stack.process(process).handle().map(h -> h.pid() != oldPid).orElse(false);
        if (!restarted) {
            return false;
        }
        if (process.equals(Stack.INFRA)) {
            return Files.exists(stack.workspace().infraReady())
                    && stack.apps().stream().allMatch(stack::isHealthy);
        }
        AppSpec app = stack.apps().stream().filter(a -> a.name().equals(process)).findFirst().orElseThrow();
        return stack.isHealthy(app);
    }

    /** Synthetic businesses written to raw-leads, one every 500 ms, as the scraper would; a lead counts once the broker has it. */
    private static final class LeadFlow {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final List<String> produced = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        void start() {
            timer.scheduleWithFixedDelay(this::produceOne, 0, 500, TimeUnit.MILLISECONDS);
        }

        private void produceOne() {
            String leadId = "crash-" + RUN + "-" + next.get() + ".test";
            String site = "https://" + leadId + "/";
            RawLead lead = new RawLead(leadId, "crash-flow", site, site, "seed",
                    FieldValue.of("Crash Bakery " + next.get(), site, "json-ld", 0.9),
                    List.of(FieldValue.of("owner@" + leadId, site, "json-ld", 0.9)), List.of(), null, null,
                    FieldValue.of("A family bakery baking sourdough bread every morning", site, "json-ld", 0.9),
                    List.of(), List.of(FieldValue.of("bakery", site, "json-ld", 0.9)), List.of(), null, null,
                    List.of(site), Instant.now(), Provenance.of("e2e", "1", null), null, null);
            try {
                probe.send(Topics.RAW_LEADS, leadId, lead);
                produced.add(leadId);
                next.incrementAndGet();
            } catch (RuntimeException brokerDown) {
                // the same lead again on the next tick
            }
        }

        /** Waits until {@code n} more leads are on raw-leads, so a kill lands in a flow. */
        void awaitMore(int n) {
            int target = produced.size() + n;
            await().atMost(Duration.ofMinutes(3)).until(() -> produced.size() >= target);
        }

        List<String> produced() {
            return List.copyOf(produced);
        }

        void stop() {
            timer.shutdownNow();
        }
    }

    /** Waits until every lead is in the review table with its enrichment; returns them. */
    private static List<String> awaitInTable(List<String> leadIds) {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        missing.addAll(leadIds);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            missing.removeIf(lead -> api.tryGet("/api/leads/" + lead) == 200
                    && api.get("/api/leads/" + lead).path("signals").size() > 0);
            return missing.isEmpty();
        });
        return leadIds;
    }

    private static long sampleLeadsInTable() {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/leads?limit=500").path("items").forEach(items::add);
        return items.stream().filter(l -> !l.path("leadId").asText().startsWith("crash-")).count();
    }

    private static void select(List<String> leadIds) {
        leadIds.forEach(lead -> api.post("/api/leads/" + lead + "/select", 202));
    }

    private static Map<String, JsonNode> awaitDrafts(List<String> leadIds) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> leadIds.stream().allMatch(lead -> api.get("/api/leads/" + lead + "/drafts").size() >= 1));
        Map<String, JsonNode> drafts = new LinkedHashMap<>();
        leadIds.forEach(lead -> drafts.put(lead, api.get("/api/leads/" + lead + "/drafts").get(0).path("draft")));
        return drafts;
    }

    private enum Approval {
        SELECTED("lead.selected"), APPROVED("draft.approved");
        final String type;

        Approval(String type) {
            this.type = type;
        }
    }

    /** How often each lead's decision of this kind is on approved, once all are there and a little after. */
    private static Map<String, Long> awaitOnApproved(Approval kind, List<String> leadIds) {
        probe.readUntil(Topics.APPROVED.name(), Duration.ofMinutes(3), rs -> decisions(rs, kind).keySet().containsAll(leadIds));
        Map<String, Long> counts = decisions(probe.readFor(Topics.APPROVED.name(), Duration.ofSeconds(5)), kind);
        counts.keySet().retainAll(leadIds);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(leadIds);
        return counts;
    }

    private static Map<String, Long> decisions(List<ConsumerRecord<byte[], byte[]>> records, Approval kind) {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode event = json(record);
            if (kind.type.equals(event.path("type").asText())) {
                counts.merge(event.path("leadId").asText(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The latest model of every segment counts exactly the engagement records of that segment. */
    private static void awaitModelsCountEveryEngagement() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Long> engagements = probe.values(Topics.ENGAGEMENT, probe.readFor(Topics.ENGAGEMENT.name(), Duration.ofSeconds(2)))
                    .stream().collect(Collectors.groupingBy(e -> e.segment() == null ? "default" : e.segment(), Collectors.counting()));
            Map<String, Long> learned = new HashMap<>();
            probe.values(Topics.SCORING_MODEL, probe.readFor(Topics.SCORING_MODEL.name(), Duration.ofSeconds(2)))
                    .forEach(m -> learned.put(m.segment(), m.observations()));
            assertThat(engagements).isNotEmpty();
            assertThat(learned).containsAllEntriesOf(engagements);
        });
    }

    private static long totalMails(Iterable<String> recipients) {
        long total = 0;
        for (String recipient : recipients) {
            total += mails(recipient);
        }
        return total;
    }

    private static int mails(String recipient) {
        try {
            return Mailbox.subjects(stack.ports().imap(), recipient).size();
        } catch (Exception e) {
            return 0;
        }
    }

    private static boolean fromRequest(ConsumerRecord<byte[], byte[]> record, String requestId) {
        return requestId.equals(json(record).path("requestId").asText());
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static Set<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(SupervisedCrashesIT::key).collect(Collectors.toSet());
    }

    private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return EventJson.MAPPER.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON on " + record.topic(), e);
        }
    }

    private static String log(String process) throws IOException {
        return Files.readString(stack.process(process).logFile());
    }
}
