package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole record a decision writes to the outbox must fit in a Kafka record with headroom. */
class OutboxRecordSizeTest {

    private static final int KAFKA_RECORD_LIMIT = 1024 * 1024;

    @Test
    void anEventTooLargeForKafkaIsRefusedWith413NamingTheLimit() {
        // small in characters, large in bytes: every one of them is three bytes of UTF-8
        Map<String, String> event = Map.of("note", "€".repeat(300_000));
        assertThatThrownBy(() -> DecisionTransaction.outbox(UUID.randomUUID(), Topics.DISCOVERY_REQUESTS, "k", "t", event))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status).isEqualTo(413);
                    assertThat(p.members.get("limit")).isEqualTo(DecisionTransaction.MAX_RECORD_BYTES);
                });
    }

    @Test
    void theLimitLeavesRoomUnderKafkasRecordAndAnEventJustUnderItIsWritten() {
        assertThat(DecisionTransaction.MAX_RECORD_BYTES).isLessThan(KAFKA_RECORD_LIMIT - 64 * 1024);
        Map<String, String> event = Map.of("note", "a".repeat(DecisionTransaction.MAX_RECORD_BYTES - 100));
        String payload = DecisionTransaction.outbox(UUID.randomUUID(), Topics.DISCOVERY_REQUESTS, "k", "t", event).payload;
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DecisionTransaction.MAX_RECORD_BYTES);
    }
}
