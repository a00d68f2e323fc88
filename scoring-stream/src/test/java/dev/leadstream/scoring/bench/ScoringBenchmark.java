package dev.leadstream.scoring.bench;

import dev.leadstream.local.infra.ContractTopics;
import dev.leadstream.local.infra.FreePorts;
import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.local.infra.LocalKafka;
import dev.leadstream.scoring.icp.IdealCustomerProfile;
import dev.leadstream.scoring.icp.Segments;
import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.normalise.SectorTaxonomy;
import dev.leadstream.scoring.streams.ScoringTopology;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leads/s through the scoring topology on a real local broker with exactly-once at 1 KB records,
 * beside the broker's own exactly-once limit for that record size in the same run (a raw
 * transactional consume → produce loop, committing as often as the app does), and how the cost
 * per lead grows with the number of distinct leads. Each size gets a fresh broker. Not a timed
 * test: it checks only that every lead came out, and writes its numbers to
 * {@code target/benchmarks/scoring.md} for docs/benchmarks.md.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark -pl scoring-stream verify}; sizes with
 * {@code -Dbench.leads=10000,100000,1000000}.
 */
class ScoringBenchmark {

    private static final int RECORD_BYTES = 1024;
    private static final int COMMIT_INTERVAL_MS = Integer.getInteger("bench.commitMs", 200);
    private static final int STREAM_THREADS = Integer.getInteger("bench.threads", 1);
    private static final List<Integer> SIZES = Stream.of(System.getProperty("bench.leads", "10000,100000,1000000")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();

    private record Rate(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }

        double microsPerRecord() {
            return seconds * 1_000_000 / records;
        }
    }

    @Test
    void scoringThroughputAgainstTheBrokersOwnExactlyOnceLimit() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "benchmarks"));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "records of %d bytes, exactly_once_v2, commit every %d ms, %d stream thread(s), broker and clients in one JVM%n%n",
                RECORD_BYTES, COMMIT_INTERVAL_MS, STREAM_THREADS));
        report.append("| distinct leads | raw EOS copy loop (records/s) | scoring topology (leads/s) | ratio | µs per lead | state on disk |\n");
        report.append("|---|---|---|---|---|---|\n");
        for (int size : SIZES) {
            Path dir = Files.createTempDirectory(out, "scoring-" + size + "-");
            try (LocalKafka kafka = new LocalKafka(dir.resolve("kafka"), FreePorts.any()).start()) {
                String bootstrap = kafka.bootstrapServers();
                ContractTopics.create(bootstrap);
                int partitions = partitionsOf(bootstrap, Topics.RAW_LEADS.name());
                createTopics(bootstrap, partitions, "bench-copy");
                awaitLeaders(bootstrap, Topics.RAW_LEADS.name(), "bench-copy", Topics.SCORED_LEADS.name());
                produce(bootstrap, Topics.RAW_LEADS.name(), size);

                Rate raw = copyExactlyOnce(bootstrap, Topics.RAW_LEADS.name(), "bench-copy", size);
                Path state = dir.resolve("streams");
                Rate scoring = runTopology(bootstrap, state, size);
                report.append(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.2f | %.0f | %s |%n", size,
                        raw.perSecond(), scoring.perSecond(), scoring.perSecond() / raw.perSecond(),
                        scoring.microsPerRecord(), megabytes(state)));
                System.out.println(report);
            }
            deleteQuietly(dir);
        }
        Files.writeString(out.resolve("scoring.md"), report);
        System.out.println(report);
    }

    /** From the first output to the last: steady state, without the start-up both paths pay once. */
    private static Rate runTopology(String bootstrap, Path stateDir, int leads) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-bench");
        props.putAll(KafkaAuth.adminFor(bootstrap));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, STREAM_THREADS);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 1024 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (KafkaStreams streams = new KafkaStreams(ScoringTopology.build(scorer()), props);
             KafkaConsumer<String, byte[]> output = consumer(bootstrap)) {
            output.subscribe(List.of(Topics.SCORED_LEADS.name()));
            streams.start();
            return drain(output, leads);
        }
    }

    /** What the broker allows a stream processor at this record size: read, write, commit in one transaction. */
    private static Rate copyExactlyOnce(String bootstrap, String from, String to, int records) {
        Map<String, Object> producerProps = new HashMap<>(producerProps(bootstrap));
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-copy-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> in = consumer(bootstrap);
             KafkaProducer<String, byte[]> outProducer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> copied = consumer(bootstrap)) {
            outProducer.initTransactions();
            in.subscribe(List.of(from));
            copied.subscribe(List.of(to));
            Thread copier = Thread.ofPlatform().start(() -> {
                long done = 0;
                long lastCommit = System.currentTimeMillis();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                outProducer.beginTransaction();
                while (done < records) {
                    for (ConsumerRecord<String, byte[]> r : in.poll(Duration.ofMillis(100))) {
                        outProducer.send(new ProducerRecord<>(to, r.key(), r.value()));
                        offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                        done++;
                    }
                    if (System.currentTimeMillis() - lastCommit >= COMMIT_INTERVAL_MS || done >= records) {
                        outProducer.sendOffsetsToTransaction(offsets, in.groupMetadata());
                        outProducer.commitTransaction();
                        offsets.clear();
                        lastCommit = System.currentTimeMillis();
                        if (done < records) {
                            outProducer.beginTransaction();
                        }
                    }
                }
            });
            Rate rate = drain(copied, records);
            copier.join();
            return rate;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Rate drain(KafkaConsumer<String, byte[]> consumer, int expected) {
        long seen = 0;
        long first = 0;
        long last = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
            if (!batch.isEmpty()) {
                first = first == 0 ? System.nanoTime() : first;
                seen += batch.count();
                last = System.nanoTime();
            }
        }
        assertThat(seen).as("records out").isGreaterThanOrEqualTo(expected);
        return new Rate(seen, Math.max(last - first, 1) / 1e9);
    }

    private static void produce(String bootstrap, String topic, int leads) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < leads; i++) {
                RawLead lead = lead(i);
                producer.send(new ProducerRecord<>(topic, lead.leadId(), EventJson.toBytes(lead)));
            }
        }
    }

    /** A distinct business per index, padded to {@value RECORD_BYTES} bytes of JSON. */
    static RawLead lead(int i) {
        String leadId = "bench-" + i + ".test";
        String page = "https://" + leadId + "/";
        Instant at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i);
        RawLead bare = build(leadId, page, at, "");
        int padding = Math.max(0, RECORD_BYTES - EventJson.toBytes(bare).length);
        return build(leadId, page, at, "x".repeat(padding));
    }

    private static RawLead build(String leadId, String page, Instant at, String padding) {
        return new RawLead(leadId, "bench", page, page, "directory",
                FieldValue.of("Business " + leadId, page, "json-ld", 0.95),
                List.of(FieldValue.of("info@" + leadId, page, "mailto", 0.9)), List.of(),
                FieldValue.of((1 + leadId.hashCode() % 200) + " Mill Lane, Leeds LS1 " + leadId.length() + "AB", page, "json-ld", 0.9),
                null, FieldValue.of("Fresh bread and cakes baked every morning. " + padding, page, "json-ld", 0.9),
                List.of(), List.of(FieldValue.of("Bakery", page, "json-ld", 0.9)), List.of(), null, null,
                List.of(page), at, new Provenance("bench", "1", null, at), null, null);
    }

    private static LeadScorer scorer() {
        Map<String, Double> prior = Map.of("has_email", 25.0, "has_phone", 15.0, "has_address", 10.0, "has_name", 10.0,
                "has_description", 5.0, "structured_data", 5.0, "completeness", 10.0);
        return new LeadScorer(new Segments(new IdealCustomerProfile("default", List.of(), List.of(), List.of(),
                List.of("no-contact"), prior), List.of()), SectorTaxonomy.standard(), 0.5, "bench");
    }

    private static Map<String, Object> producerProps(String bootstrap) {
        return signedIn(bootstrap, Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000));
    }

    /** The broker wants its admin's credentials, as LocalKafka registered them. */
    private static Map<String, Object> signedIn(String bootstrap, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(KafkaAuth.adminFor(bootstrap));
        all.putAll(settings);
        return all;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(signedIn(bootstrap, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static int partitionsOf(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(KafkaAuth.adminFor(bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static void createTopics(String bootstrap, int partitions, String... names) throws Exception {
        try (Admin admin = Admin.create(KafkaAuth.adminFor(bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    /** Producing before every partition has a leader sends an idempotent producer into retries out of order. */
    private static void awaitLeaders(String bootstrap, String... topics) throws Exception {
        try (Admin admin = Admin.create(KafkaAuth.adminFor(bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!allLed(admin, topics)) {
                assertThat(System.nanoTime()).as("partition leaders elected").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        Thread.sleep(1000); // leadership is known to the controller a moment before every request handler
    }

    private static boolean allLed(Admin admin, String... topics) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (java.util.concurrent.ExecutionException e) {
            return false; // not every broker component knows the topic yet
        }
    }

    private static String megabytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir under target/ goes with the next clean
        }
    }
}
