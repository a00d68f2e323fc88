package dev.leadstream.relay;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Real PostgreSQL (logical decoding), real Debezium engine, real broker. */
class OutboxRelayIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path offsets;

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @BeforeAll
    static void createOutboxAsHitlApiDoes() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // the shape hitl-api's Flyway migrations give the outbox (V1, V2)
            s.execute("""
                    create table if not exists outbox (id uuid primary key, aggregatetype text not null,
                        aggregateid text not null, type text not null, payload jsonb not null,
                        created_at timestamptz not null default now())""");
            s.execute("create publication leadstream_outbox for table outbox");
            // as hitl-api's V50 does: a commit that wrote outbox rows wakes the relay
            s.execute("""
                    create function outbox_notify() returns trigger language plpgsql as $$
                    begin perform pg_notify('leadstream_outbox', ''); return null; end $$""");
            s.execute("create trigger outbox_wakes_the_relay after insert on outbox for each statement execute function outbox_notify()");
            // as hitl-api's V2 does: its role may make this one slot, and loses the right once it exists
            s.execute("select pg_create_logical_replication_slot('leadstream_outbox', 'pgoutput') where not exists "
                    + "(select 1 from pg_replication_slots where slot_name = 'leadstream_outbox')");
        }
    }

    @Test
    void aRelayKilledBetweenItsKafkaCommitAndDebeziumsOffsetFlushPublishesEveryRowOnce() throws Exception {
        UUID first = insert(Topics.APPROVED.name(), "rose.test", selected("rose.test"));
        // holds each batch after its Kafka commit, before Debezium may flush that it was processed
        RelayProcess killed = RelayProcess.start(config(), 30_000);
        try {
            awaitOnce(Topics.APPROVED.name(), first);
            assertThat(killed.health()).contains("\"published\":1");
        } finally {
            killed.kill();
        }
        // written while no relay runs: the slot keeps it
        UUID second = insert(Topics.APPROVED.name(), "oak.test", selected("oak.test"));
        RelayProcess restarted = RelayProcess.start(config(), 0);
        try {
            ConsumerRecord<byte[], byte[]> record = awaitOnce(Topics.APPROVED.name(), second);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("oak.test");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"leadId\": \"oak.test\"");
            assertThat(CloudEvents.value(record.headers(), CloudEvents.TYPE)).isEqualTo("dev.leadstream.approval.lead.selected");
            // Debezium delivered the first row again, and the relay knew it had published it
            assertThat(restarted.health()).contains("\"skippedAsAlreadyPublished\":1");
        } finally {
            restarted.kill();
        }
        List<ConsumerRecord<byte[], byte[]>> all = probe.readFor(Topics.APPROVED.name(), Duration.ofSeconds(3));
        assertThat(withId(all, first)).hasSize(1);
        assertThat(withId(all, second)).hasSize(1);
    }

    @Test
    void rowsThatCanNeverBePublishedAreDeadLetteredOnceAndTheRowsAfterThemArePublished() throws Exception {
        String huge = "{\"eventId\":\"big\",\"sector\":\"" + "x".repeat(1_100_000) + "\"}";
        UUID big = insert(Topics.DISCOVERY_REQUESTS.name(), "req-big", huge);
        UUID blankKey = insert(Topics.APPROVED.name(), " \t", selected("blank"));
        UUID nowhere = insert("no-such-topic", "rose.test", selected("rose.test"));
        UUID normal = insert(Topics.DISCOVERY_REQUESTS.name(), "req-ok", "{\"eventId\":\"ok\",\"sector\":\"bakery\"}");
        try (OutboxRelay relay = new OutboxRelay(config()).start(WAIT)) {
            awaitOnce(Topics.DISCOVERY_REQUESTS.name(), normal);
            assertThat(relay.isRunning()).isTrue();
            assertThat(relay.deadLettered()).isEqualTo(3);
        }
        ConsumerRecord<byte[], byte[]> bigLetter = awaitOnce(Topics.DISCOVERY_REQUESTS.dlq(), big);
        assertThat(CloudEvents.value(bigLetter.headers(), DeadLetters.REASON)).contains("larger than");
        assertThat(CloudEvents.value(bigLetter.headers(), DeadLetters.AGENT)).isEqualTo("outbox-relay");
        // PostgreSQL hands jsonb back re-spaced, so the original is a little longer than what was inserted
        assertThat(Integer.parseInt(CloudEvents.value(bigLetter.headers(), DeadLetters.ORIGINAL_SIZE))).isGreaterThan(1_100_000);
        assertThat(bigLetter.value().length).isLessThan(RelayConfig.DEFAULT_MAX_RECORD_BYTES);
        assertThat(CloudEvents.value(awaitOnce(Topics.APPROVED.dlq(), blankKey).headers(), DeadLetters.REASON))
                .isEqualTo("outbox row: aggregate id is blank");
        assertThat(CloudEvents.value(awaitOnce(Topics.UNROUTABLE_OUTBOX_ROWS, nowhere).headers(), DeadLetters.REASON))
                .contains("unknown destination 'no-such-topic'");
        assertThat(withId(probe.readFor(Topics.DISCOVERY_REQUESTS.name(), Duration.ofSeconds(1)), big)).isEmpty();

        // the poison does not come back after a restart, and what follows it is published
        UUID after = insert(Topics.DISCOVERY_REQUESTS.name(), "req-after", "{\"eventId\":\"after\",\"sector\":\"cafe\"}");
        try (OutboxRelay relay = new OutboxRelay(config()).start(WAIT)) {
            awaitOnce(Topics.DISCOVERY_REQUESTS.name(), after);
            assertThat(relay.deadLettered()).isZero();
        }
        assertThat(withId(probe.readFor(Topics.DISCOVERY_REQUESTS.dlq(), Duration.ofSeconds(3)), big)).hasSize(1);
    }

    @Test
    void aCommitWakesTheRelayWhoseIdlePollIsTenMinutesAway() throws Exception {
        try (OutboxRelay relay = new OutboxRelay(config(Duration.ofMinutes(10).toMillis())).start(WAIT)) {
            // the relay has read its slot up to now and gone idle before the decision comes
            awaitOnce(Topics.APPROVED.name(), insert(Topics.APPROVED.name(), "elm.test", selected("elm.test")));
            UUID decided = insert(Topics.APPROVED.name(), "ash.test", selected("ash.test"));
            awaitOnce(Topics.APPROVED.name(), decided);
            assertThat(relay.published()).isEqualTo(2);
        }
    }

    @Test
    void aCommitWhoseNotificationIsLostIsPublishedAtTheIdlePoll() throws Exception {
        try (OutboxRelay relay = new OutboxRelay(config(1000)).start(WAIT); Connection c = connect(); Statement s = c.createStatement()) {
            awaitOnce(Topics.APPROVED.name(), insert(Topics.APPROVED.name(), "yew.test", selected("yew.test")));
            s.execute("alter table outbox disable trigger outbox_wakes_the_relay");
            try {
                awaitOnce(Topics.APPROVED.name(), insert(Topics.APPROVED.name(), "fir.test", selected("fir.test")));
            } finally {
                s.execute("alter table outbox enable trigger outbox_wakes_the_relay");
            }
            assertThat(relay.published()).isEqualTo(2);
        }
    }

    private static String selected(String leadId) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"lead.selected\",\"leadId\":\"" + leadId + "\"}";
    }

    /** Waits for the event on the topic, then checks it is there once. */
    private ConsumerRecord<byte[], byte[]> awaitOnce(String topic, UUID id) {
        List<ConsumerRecord<byte[], byte[]>> records = withId(probe.readUntil(topic, WAIT, rs -> !withId(rs, id).isEmpty()), id);
        assertThat(records).as("records of %s on %s", id, topic).hasSize(1);
        return records.get(0);
    }

    private static List<ConsumerRecord<byte[], byte[]>> withId(List<ConsumerRecord<byte[], byte[]>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(CloudEvents.value(r.headers(), CloudEvents.ID))).toList();
    }

    private static UUID insert(String destination, String aggregateId, String payload) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "insert into outbox (id, aggregatetype, aggregateid, type, payload) values (?, ?, ?, ?, cast(? as jsonb))")) {
            s.setObject(1, id);
            s.setString(2, destination);
            s.setString(3, aggregateId);
            s.setString(4, "dev.leadstream.approval.lead.selected");
            s.setString(5, payload);
            s.executeUpdate();
        }
        return id;
    }

    /** One relay identity for the whole class: every relay here resumes where the last one stopped. */
    static RelayConfig config() {
        return config(RelayConfig.DEFAULT_POLL_INTERVAL_MILLIS);
    }

    /** The relay, looking at the change stream unwoken every {@code idlePollMillis}. */
    static RelayConfig config(long idlePollMillis) {
        LocalPostgres pg = SharedInfra.postgres();
        // the relay's own database role and Kafka user, as the launcher gives them
        Map<String, String> kafkaSecurity = new HashMap<>();
        SharedInfra.kafka().clientAs("outbox-relay").forEach((key, value) -> kafkaSecurity.put(key, value.toString()));
        kafkaSecurity.remove("bootstrap.servers");
        return new RelayConfig("127.0.0.1", pg.port(), LocalPostgres.DATABASE, Credentials.DB_RELAY,
                pg.credentials().databasePassword(Credentials.DB_RELAY),
                SharedInfra.kafka().bootstrapServers(), offsets.resolve("offsets.dat"),
                0, "leadstream_outbox", "leadstream_outbox", "outbox-relay-it", "outbox-relay-it.position", 0,
                RelayConfig.DEFAULT_MAX_RECORD_BYTES, idlePollMillis, kafkaSecurity);
    }

    private static Connection connect() throws Exception {
        return SharedInfra.postgres().connectAs(Credentials.DB_HITL_API);
    }
}
