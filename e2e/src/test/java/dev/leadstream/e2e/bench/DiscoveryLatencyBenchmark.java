package dev.leadstream.e2e.bench;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.launcher.Stack;
import dev.leadstream.local.launcher.StackPorts;
import dev.leadstream.local.launcher.Workspace;
import dev.leadstream.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a reviewer's discovery request takes from the API call to its record on
 * {@code discovery-requests}: hitl-api, the outbox relay, the broker and PostgreSQL run as the
 * demo runs them, each in its own process. 100 requests, one after another, each waiting for its
 * record; prints p50, p90, p99 and max, how much of it the API call itself took, and the relay's
 * CPU time while idle, for each relay idle poll in {@code -Dbench.relay.poll-intervals} (default
 * 1000, the relay's setting), woken by hitl-api's outbox notifications and, unless
 * {@code -Dbench.relay.silent=false}, again without them (the trigger disabled), as when
 * notifications are lost. Not a test: runs under {@code -Pbenchmark} only (docs/benchmarks.md).
 * {@code -Dbench.requests=N} for another count.
 */
class DiscoveryLatencyBenchmark {

    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void apiCallToRecordOnTheTopic() throws Exception {
        int requests = Integer.getInteger("bench.requests", 100);
        List<String> intervals = List.of(System.getProperty("bench.relay.poll-intervals", "1000").split(","));
        List<Boolean> notifying = Boolean.parseBoolean(System.getProperty("bench.relay.silent", "true"))
                ? List.of(true, false) : List.of(true);
        Path home = Path.of(System.getProperty("leadstream.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("e2e/target/leadstream-latency-bench");
        deleteRecursively(data);
        Stack stack = new Stack(new Workspace(home, data), StackPorts.free(), 0);
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        StringBuilder report = new StringBuilder(String.format("%nDiscoveryLatencyBenchmark: %d sequential requests,"
                + " API call to record on %s%n", requests, Topics.DISCOVERY_REQUESTS.name()));
        try {
            stack.up(START, List.of("hitl-api"));
            Thread reader = Thread.ofPlatform().name("arrivals").start(() -> readArrivals(stack.kafkaClientAs(Credentials.KAFKA_ADMIN), arrivals, reading));
            for (boolean notified : notifying) {
                notifyOnCommit(stack, notified);
                for (String interval : intervals) {
                    // the same hitl-api, database and broker; only the relay's setting changes
                    stack.process("outbox-relay").stop();
                    stack.configure("outbox-relay", Map.of("relay.poll-interval.ms", interval.strip()));
                    stack.restart("outbox-relay", START);
                    // warm-up: the first requests pay for class loading and connection set-up
                    for (int i = 0; i < 10; i++) {
                        await(arrivals, stack.submitDiscovery("directory", List.of("http://directory.test/warm-up-" + i)));
                    }
                    List<Long> total = new ArrayList<>();
                    List<Long> api = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        long start = System.nanoTime();
                        String requestId = stack.submitDiscovery("directory", List.of("http://directory.test/bench-" + i));
                        api.add((System.nanoTime() - start) / 1_000);
                        total.add((await(arrivals, requestId) - start) / 1_000);
                    }
                    long idleCpu = idleCpuMillis(stack, Duration.ofSeconds(30));
                    total.sort(Comparator.naturalOrder());
                    api.sort(Comparator.naturalOrder());
                    report.append(String.format("  relay idle poll %5s ms, %-16s p50 %4d ms, p90 %4d ms, p99 %4d ms, max %4d ms"
                                    + " (the API call alone: p50 %3d ms, p99 %3d ms); relay CPU while idle %d ms in 30 s%n",
                            interval.strip(), notified ? "notified:" : "not notified:", percentile(total, 50) / 1000,
                            percentile(total, 90) / 1000, percentile(total, 99) / 1000, total.getLast() / 1000,
                            percentile(api, 50) / 1000, percentile(api, 99) / 1000, idleCpu));
                    assertThat(total).hasSize(requests);
                }
            }
            reading.set(false);
            reader.join();
            System.out.println(report);
        } finally {
            reading.set(false);
            stack.down();
        }
    }

    /** Turns hitl-api's outbox trigger on or off: off, the relay finds commits only by its idle poll. */
    private static void notifyOnCommit(Stack stack, boolean on) throws SQLException {
        try (Connection c = stack.databaseAsHitlApi(); Statement s = c.createStatement()) {
            s.execute("alter table outbox " + (on ? "enable" : "disable") + " trigger outbox_wakes_the_relay");
        }
    }

    /** When the record of this request arrived (System.nanoTime), waiting up to 30 s. */
    private static long await(Map<String, Long> arrivals, String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long at = arrivals.get(requestId);
            if (at != null) {
                return at;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("request " + requestId + " did not reach " + Topics.DISCOVERY_REQUESTS.name());
    }

    private static void readArrivals(Map<String, Object> client, Map<String, Long> arrivals, AtomicBoolean reading) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "latency-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // the broker answers a fetch as soon as a record is there; this bounds the wait otherwise
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5"));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DISCOVERY_REQUESTS.name()));
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    arrivals.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }

    /** CPU time the relay's process spends over {@code period} with nothing to publish. */
    private static long idleCpuMillis(Stack stack, Duration period) throws InterruptedException {
        ProcessHandle relay = stack.process("outbox-relay").handle().orElseThrow();
        long before = relay.info().totalCpuDuration().orElseThrow().toMillis();
        Thread.sleep(period.toMillis());
        return relay.info().totalCpuDuration().orElseThrow().toMillis() - before;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
