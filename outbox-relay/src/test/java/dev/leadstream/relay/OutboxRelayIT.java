package dev.leadstream.relay;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Real PostgreSQL (logical decoding), real Debezium engine, real broker. */
class OutboxRelayIT {

    @TempDir
    static Path offsets;

    @BeforeAll
    static void createOutboxAsHitlApiDoes() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // the shape hitl-api's Flyway migrations give the outbox (V1, V2)
            s.execute("""
                    create table if not exists outbox (id uuid primary key, aggregatetype text not null,
                        aggregateid text not null, type text not null, payload jsonb not null,
                        created_at timestamptz not null default now())""");
            s.execute("create publication leadstream_outbox for table outbox");
            // as hitl-api's V2 does: its role may make this one slot, and loses the right once it exists
            s.execute("select pg_create_logical_replication_slot('leadstream_outbox', 'pgoutput') where not exists "
                    + "(select 1 from pg_replication_slots where slot_name = 'leadstream_outbox')");
        }
    }

    @Test
    void everyOutboxRowReachesItsTopicOnceEvenAcrossARestart() throws Exception {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        UUID first = insert("rose.test", "{\"eventId\":\"a\",\"type\":\"lead.selected\",\"leadId\":\"rose.test\"}");
        try (OutboxRelay relay = new OutboxRelay(config()).start(Duration.ofSeconds(30))) {
            awaitRecords(probe, first, 1);
        }
        // written while the relay is down: the slot keeps it until the relay is back
        UUID second = insert("oak.test", "{\"eventId\":\"b\",\"type\":\"lead.selected\",\"leadId\":\"oak.test\"}");
        try (OutboxRelay relay = new OutboxRelay(config()).start(Duration.ofSeconds(30))) {
            List<ConsumerRecord<byte[], byte[]>> records = awaitRecords(probe, second, 1);
            ConsumerRecord<byte[], byte[]> record = records.get(0);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("oak.test");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"leadId\": \"oak.test\"");
            assertThat(CloudEvents.value(record.headers(), CloudEvents.TYPE)).isEqualTo("dev.leadstream.approval.lead.selected");
        }
        // the first row was committed before the restart, so it was not published again
        assertThat(withId(probe.readFor(Topics.APPROVED.name(), Duration.ofSeconds(3)), first)).hasSize(1);
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(TopicProbe probe, UUID id, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = withId(probe.readUntil(Topics.APPROVED.name(), Duration.ofSeconds(60),
                rs -> withId(rs, id).size() >= expected), id);
        assertThat(records).hasSize(expected);
        return records;
    }

    private static List<ConsumerRecord<byte[], byte[]>> withId(List<ConsumerRecord<byte[], byte[]>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(CloudEvents.value(r.headers(), CloudEvents.ID))).toList();
    }

    private static UUID insert(String leadId, String payload) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "insert into outbox (id, aggregatetype, aggregateid, type, payload) values (?, ?, ?, ?, cast(? as jsonb))")) {
            s.setObject(1, id);
            s.setString(2, Topics.APPROVED.name());
            s.setString(3, leadId);
            s.setString(4, "dev.leadstream.approval.lead.selected");
            s.setString(5, payload);
            s.executeUpdate();
        }
        return id;
    }

    private static RelayConfig config() {
        LocalPostgres pg = SharedInfra.postgres();
        // the relay's own database role and Kafka user, as the launcher gives them
        Map<String, String> kafkaSecurity = new HashMap<>();
        SharedInfra.kafka().clientAs("outbox-relay").forEach((key, value) -> kafkaSecurity.put(key, value.toString()));
        kafkaSecurity.remove("bootstrap.servers");
        return new RelayConfig("127.0.0.1", pg.port(), LocalPostgres.DATABASE, Credentials.DB_RELAY,
                pg.credentials().databasePassword(Credentials.DB_RELAY),
                SharedInfra.kafka().bootstrapServers(), offsets.resolve("offsets-" + Instant.EPOCH.getEpochSecond() + ".dat"),
                0, "leadstream_outbox", "leadstream_outbox", "outbox-relay-it", "outbox-relay-it.position", 0, kafkaSecurity);
    }

    private static Connection connect() throws Exception {
        return SharedInfra.postgres().connectAs(Credentials.DB_HITL_API);
    }
}
