package dev.leadstream.local;

import dev.leadstream.local.infra.ContractAcls;
import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.local.infra.LocalKafka;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker wants a password from every client and lets each agent write only what the contract says it writes. */
class KafkaAclsIT {

    private static final String RELAY = "outbox-relay";
    private final LocalKafka kafka = SharedInfra.kafka();

    @Test
    void theRelayMayPublishAnApprovalAndADiscoveryRequest() throws Exception {
        assertThat(send(kafka.clientAs(RELAY), Topics.APPROVED.name()).topic()).isEqualTo(Topics.APPROVED.name());
        assertThat(send(kafka.clientAs(RELAY), Topics.DISCOVERY_REQUESTS.name()).topic())
                .isEqualTo(Topics.DISCOVERY_REQUESTS.name());
    }

    static Stream<String> everyoneButTheRelay() {
        return Stream.concat(ContractAcls.principals().stream(), Stream.of(Credentials.KAFKA_TAP)).filter(p -> !p.equals(RELAY));
    }

    @ParameterizedTest
    @MethodSource("everyoneButTheRelay")
    void noOtherUserMayPublishAnApprovalOrADiscoveryRequest(String user) {
        for (String topic : new String[] {Topics.APPROVED.name(), Topics.DISCOVERY_REQUESTS.name()}) {
            // refused as it sends (no such topic for it), or earlier when it may write nowhere at all (the tap)
            assertThatThrownBy(() -> send(kafka.clientAs(user), topic)).as(user + " writing " + topic)
                    .satisfies(refusal -> assertThat(causes(refusal)).hasAtLeastOneElementOfType(AuthorizationException.class));
        }
    }

    @Test
    void anAgentWritesWhatItProducesAndItsDeadLettersButNotAnotherAgentsTopic() throws Exception {
        assertThat(send(kafka.clientAs("scraper-agent"), Topics.RAW_LEADS.name()).offset()).isNotNegative();
        assertThat(send(kafka.clientAs("scraper-agent"), Topics.DISCOVERY_REQUESTS.dlq()).offset()).isNotNegative();
        assertThatThrownBy(() -> send(kafka.clientAs("scraper-agent"), Topics.SCORED_LEADS.name()))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(kafka.clientAs("persona-agent"), Topics.ENGAGEMENT.name()))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theTapReadsEveryContractTopic() {
        Map<String, Object> settings = new HashMap<>(kafka.clientAs(Credentials.KAFKA_TAP));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "tap-" + System.nanoTime());
        try (KafkaConsumer<String, String> tap = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            Topics.names().forEach(topic -> assertThat(tap.partitionsFor(topic, Duration.ofSeconds(20))).as(topic).isNotEmpty());
        }
    }

    @Test
    void aClientWithoutCredentialsCannotConnect() {
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
        Map<String, Object> wrongPassword = new HashMap<>(KafkaAuth.client(kafka.bootstrapServers(), RELAY, "not-the-password"));
        wrongPassword.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        wrongPassword.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static RecordMetadata send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "acl-test.test", "{\"type\":\"draft.approved\"}"))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
