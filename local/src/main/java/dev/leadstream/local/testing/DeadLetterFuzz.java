package dev.leadstream.local.testing;

import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.local.testing.PoisonRecords.Poison;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Drives a consumer's fuzz test on the real broker: writes each poison record to the topic,
 * remembers where it landed, and checks that {@code <topic>.dlq} holds exactly one dead letter of
 * it from the agent under test, matched by the source partition and offset in its headers.
 */
public final class DeadLetterFuzz {

    /** Where one poison record landed on the source topic. */
    public record Landed(Poison poison, String topic, int partition, long offset) {
    }

    private final String bootstrapServers;

    public DeadLetterFuzz(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes the poison in order; a record the broker itself refuses is left out of the result. */
    public List<Landed> feed(String topic, String eventType, List<Poison> poison) {
        List<Landed> landed = new ArrayList<>();
        Map<String, Object> settings = new HashMap<>(KafkaAuth.adminFor(bootstrapServers));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Poison p : poison) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                        p.key() == null ? null : p.key().getBytes(StandardCharsets.UTF_8), p.value());
                CloudEvents.addTo(record.headers(), eventType, "/leadstream/tests/fuzz");
                try {
                    RecordMetadata at = producer.send(record).get();
                    landed.add(new Landed(p, topic, at.partition(), at.offset()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof InvalidRecordException)) {
                        throw e;
                    }
                    // the broker refused it (a compacted topic takes no null key): no consumer can ever read it
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the poison to " + topic, e);
        }
        return landed;
    }

    /**
     * Fails, naming every poison record concerned, unless each has exactly one dead letter from
     * {@code agent} carrying a reason and the exception class. It waits up to {@code timeout} for
     * the first, then reads a little longer so that a second one would be seen.
     */
    public void assertEachDeadLetteredOnce(String agent, List<Landed> landed, Duration timeout) {
        TopicProbe probe = new TopicProbe(bootstrapServers);
        String dlq = landed.getFirst().topic() + ".dlq";
        try {
            probe.readUntil(dlq, timeout, rs -> landed.stream().allMatch(l -> !of(rs, agent, l).isEmpty()));
        } catch (AssertionError timedOut) {
            // reported below, poison by poison
        }
        List<ConsumerRecord<byte[], byte[]>> all = probe.readFor(dlq, Duration.ofSeconds(3));
        List<String> problems = new ArrayList<>();
        for (Landed l : landed) {
            List<ConsumerRecord<byte[], byte[]>> letters = of(all, agent, l);
            String where = l.poison().name() + " (partition " + l.partition() + ", offset " + l.offset() + ")";
            if (letters.size() != 1) {
                problems.add(where + ": " + letters.size() + " dead letters from " + agent);
            } else if (header(letters.getFirst(), DeadLetters.REASON) == null
                    || header(letters.getFirst(), DeadLetters.EXCEPTION) == null) {
                problems.add(where + ": its dead letter has no reason or exception class");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + landed.size() + " poison records were not dead-lettered once:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Fails unless the health endpoint (e.g. {@code /q/health/ready}) answers 200 with status UP. */
    public static void assertHealthy(URI health) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                throw new AssertionError(health + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("could not ask " + health, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted asking " + health, e);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> of(List<ConsumerRecord<byte[], byte[]>> records, String agent, Landed landed) {
        return records.stream().filter(r -> agent.equals(header(r, DeadLetters.AGENT))
                && landed.topic().equals(header(r, DeadLetters.SOURCE_TOPIC))
                && Integer.toString(landed.partition()).equals(header(r, DeadLetters.SOURCE_PARTITION))
                && Long.toString(landed.offset()).equals(header(r, DeadLetters.SOURCE_OFFSET))).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
