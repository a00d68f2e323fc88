package dev.leadstream.local.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts everything, asks the scraper (through the review API) to discover the sample sites, makes
 * sure the sample campaign exists, and shows the leads flowing through the topics until Ctrl-C,
 * which stops everything it started.
 */
@Command(name = "demo", description = "Start everything, discover the sample businesses, show progress until Ctrl-C.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--sites", defaultValue = "12", description = "Number of sample business sites to serve (two of each sector from 7 on).")
    int sites;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), sites);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Supervisor> supervisor = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping everything...");
            if (supervisor.get() != null) {
                supervisor.get().close();
            }
            stack.down();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "demo-stop"));

        System.out.println("Starting Kafka, PostgreSQL, GreenMail, sample sites, the outbox relay and the agents...");
        stack.up(Duration.ofMinutes(3));
        System.out.printf("All processes healthy after %ds. Logs: %s%n",
                Duration.between(started, Instant.now()).toSeconds(), stack.workspace().display(stack.workspace().logs()));
        // the demo stays in the foreground, so it supervises in its own JVM
        supervisor.set(new Supervisor(stack, message -> System.out.println("\n[supervisor] " + message)).start());

        String requestId = stack.submitDiscovery("directory", List.of(stack.sampleDirectory()));
        JsonNode campaign = new SampleCampaign(stack.hitlApiUrl(), stack.adminAuthorization()).ensure();
        System.out.println("""

                  Review UI    %s/ui          (sign in as %s, password %s)
                  Review API   %s/api/leads   (HTTP Basic, the same account)
                  Discovery    request %s: the sample directory %s (%d sites and 7 hostile ones)
                  Campaign     %s, version %d: %s/ui/campaigns/%s
                  Progress     ./leadstream tail discovery-progress
                  Watch        ./leadstream topics   |   ./leadstream tail scored-leads
                  Stop         Ctrl-C
                """.formatted(stack.hitlApiUrl(), stack.adminUser(), stack.adminPassword(), stack.hitlApiUrl(), requestId,
                stack.sampleDirectory(), sites, campaign.path("name").asText(), campaign.path("version").asInt(),
                stack.hitlApiUrl(), campaign.path("campaignId").asText()));

        try (TopicStats stats = new TopicStats(stack.bootstrapServers())) {
            while (stopped.getCount() > 0) {
                System.out.print("\r" + progressLine(stats) + "   ");
                System.out.flush();
                if (stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    break;
                }
            }
        } catch (Exception e) {
            stopped.await();
        }
        return 0;
    }

    private static String progressLine(TopicStats stats) {
        try {
            Map<String, Long> counts = stats.counts();
            long dlq = counts.entrySet().stream().filter(e -> e.getKey().endsWith(".dlq")).mapToLong(Map.Entry::getValue).sum();
            return "raw %d · scored %d · enriched %d · campaigns %d · approved %d · drafts %d · engagement %d · models %d · dlq %d".formatted(
                    counts.getOrDefault(Topics.RAW_LEADS.name(), 0L), counts.getOrDefault(Topics.SCORED_LEADS.name(), 0L),
                    counts.getOrDefault(Topics.ENRICHED_LEADS.name(), 0L), counts.getOrDefault(Topics.CAMPAIGNS.name(), 0L),
                    counts.getOrDefault(Topics.APPROVED.name(), 0L), counts.getOrDefault(Topics.DRAFTS.name(), 0L),
                    counts.getOrDefault(Topics.ENGAGEMENT.name(), 0L), counts.getOrDefault(Topics.SCORING_MODEL.name(), 0L), dlq);
        } catch (Exception e) {
            return "(broker not answering: " + e.getMessage() + ")";
        }
    }
}
