package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analytics tells a running agent from a dead one by its consumer group on the real broker: a
 * group with committed offsets, lag and no member is down, however good its success rate looked.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AgentHealthIT {

    private static final String TOPIC = "approved";

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void aGroupWithNoMembersAndLagIsDownAndAGroupWithAMemberIsUp() throws Exception {
        Map<String, Object> admin = SharedInfra.kafka().adminClient();
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        long end;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(admin,
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, 0, "health-a", "{}")).get();
            end = producer.send(new ProducerRecord<>(TOPIC, 0, "health-b", "{}")).get().offset() + 1;
        }
        try (Admin client = Admin.create(admin)) {
            // persona-agent read up to two records before the end, then died
            client.alterConsumerGroupOffsets("persona-agent", Map.of(partition, new OffsetAndMetadata(end - 2))).all().get();
        }

        AtomicBoolean stop = new AtomicBoolean();
        Thread outreach = Thread.ofVirtual().start(() -> {
            Map<String, Object> outreachAgent = new HashMap<>(SharedInfra.kafka().clientAs("outreach-agent"));
            outreachAgent.put(ConsumerConfig.GROUP_ID_CONFIG, "outreach-agent");
            outreachAgent.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(outreachAgent,
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(TOPIC));
                while (!stop.get()) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }
        });
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<Map<String, Object>> agents = given().get("/api/analytics/agents").then().statusCode(200)
                        .extract().jsonPath().getList("$");
                Map<String, Object> persona = agent(agents, "persona-agent");
                assertThat(persona.get("status")).isEqualTo("down");
                assertThat(persona.get("members")).isEqualTo(0);
                assertThat(((Number) persona.get("lag")).longValue()).isGreaterThanOrEqualTo(2);
                Map<String, Object> outreachAgent = agent(agents, "outreach-agent");
                assertThat(outreachAgent.get("status")).isEqualTo("up");
                assertThat(((Number) outreachAgent.get("members")).intValue()).isEqualTo(1);
            });
        } finally {
            stop.set(true);
            outreach.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void anAgentThatNeverJoinedItsGroupIsDownAndHasNoSuccessRate() {
        List<Map<String, Object>> agents = given().get("/api/analytics/agents").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> scraper = agent(agents, "scraper-agent");
        assertThat(scraper.get("status")).isEqualTo("down");
        if (((Number) scraper.get("processed")).longValue() + ((Number) scraper.get("deadLetters")).longValue() == 0) {
            assertThat(scraper.get("successRate")).isNull();
        }
    }

    private static Map<String, Object> agent(List<Map<String, Object>> agents, String name) {
        return agents.stream().filter(a -> name.equals(a.get("agent"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed: " + agents));
    }
}
