package dev.leadstream.relay;

import dev.leadstream.relay.wake.OutboxConnector;
import dev.leadstream.relay.wake.OutboxConnectorTask;
import dev.leadstream.topics.streams.RecordLimits;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The relay's settings, from system properties or environment (RELAY_DATABASE_HOST for
 * relay.database.host, and so on). Defaults fit the one-machine stack. {@code relayId} is the
 * Kafka transactional id: one relay per outbox runs with it, and a second one fences the first.
 * {@code pauseAfterPublishMillis} is for crash tests only: it holds each batch between its Kafka
 * commit and Debezium's offset commit, the window a crash makes Debezium deliver events again.
 * {@code maxRecordBytes} (relay.max-record-bytes): a larger row is dead-lettered, not published.
 * {@code pollIntervalMillis} (relay.poll-interval.ms): the idle poll, see {@link #DEFAULT_POLL_INTERVAL_MILLIS}.
 * {@code kafkaSecurity} are the Kafka clients' sign-in settings ({@code security.protocol},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}: KAFKA_SASL_JAAS_CONFIG and so on), empty for none.
 */
public record RelayConfig(String dbHost, int dbPort, String dbName, String dbUser, String dbPassword,
                          String bootstrapServers, Path offsetsFile, int httpPort, String slot, String publication,
                          String relayId, String positionTopic, long pauseAfterPublishMillis, int maxRecordBytes,
                          long pollIntervalMillis, Map<String, String> kafkaSecurity) {

    /** The largest event the relay publishes; a larger row is dead-lettered. Keep it under the broker's limit. */
    public static final int DEFAULT_MAX_RECORD_BYTES = RecordLimits.MAX_RECORD_BYTES;
    /**
     * How long the relay, idle, waits before it looks at the change stream without being woken.
     * A commit to the outbox wakes it at once (hitl-api's trigger notifies {@link #NOTIFY_CHANNEL}),
     * so this bounds only the wait for a commit whose notification was lost.
     */
    public static final long DEFAULT_POLL_INTERVAL_MILLIS = 1000;
    /** The PostgreSQL channel hitl-api's outbox trigger notifies when a transaction wrote outbox rows. */
    public static final String NOTIFY_CHANNEL = "leadstream_outbox";
    /** Debezium's poll.interval.ms: once woken, how long a batch may gather rows, and the reader's pause between reads. */
    static final long BATCH_WINDOW_MILLIS = 10;

    private static final String[] KAFKA_SECURITY = {"security.protocol", "sasl.mechanism", "sasl.jaas.config"};

    public RelayConfig {
        kafkaSecurity = Map.copyOf(kafkaSecurity);
    }

    public static RelayConfig fromEnvironment() {
        return new RelayConfig(
                setting("relay.database.host", "127.0.0.1"),
                Integer.parseInt(setting("relay.database.port", "15432")),
                setting("relay.database.name", "leadstream"),
                setting("relay.database.user", "postgres"),
                setting("relay.database.password", "postgres"),
                setting("kafka.bootstrap.servers", "127.0.0.1:19092"),
                Path.of(setting("relay.offsets.file", "target/outbox-relay/offsets.dat")),
                Integer.parseInt(setting("relay.http.port", "8088")),
                setting("relay.slot", "leadstream_outbox"),
                setting("relay.publication", "leadstream_outbox"),
                setting("relay.id", "leadstream-outbox-relay"),
                setting("relay.position.topic", "outbox-relay.position"),
                Long.parseLong(setting("relay.fault.pause-after-publish.ms", "0")),
                Integer.parseInt(setting("relay.max-record-bytes", Integer.toString(DEFAULT_MAX_RECORD_BYTES))),
                Long.parseLong(setting("relay.poll-interval.ms", Long.toString(DEFAULT_POLL_INTERVAL_MILLIS))),
                kafkaSecurityFromEnvironment());
    }

    /** The address and sign-in settings every Kafka client of the relay starts from. */
    public Map<String, Object> kafkaClient() {
        Map<String, Object> client = new HashMap<>(kafkaSecurity);
        client.put("bootstrap.servers", bootstrapServers);
        return client;
    }

    private static Map<String, String> kafkaSecurityFromEnvironment() {
        Map<String, String> security = new HashMap<>();
        for (String name : KAFKA_SECURITY) {
            String value = setting("kafka." + name, null);
            if (value != null && !value.isBlank()) {
                security.put(name, value);
            }
        }
        return security;
    }

    /** Debezium's embedded-engine settings: pgoutput, the outbox table only, EventRouter, woken by commits. */
    public Properties debezium() {
        Properties p = new Properties();
        p.setProperty("name", "leadstream-outbox-relay");
        p.setProperty("connector.class", OutboxConnector.class.getName());
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", offsetsFile.toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("poll.interval.ms", Long.toString(BATCH_WINDOW_MILLIS));
        p.setProperty(OutboxConnectorTask.IDLE_POLL_SETTING, Long.toString(pollIntervalMillis));
        p.setProperty(OutboxConnectorTask.NOTIFY_CHANNEL_SETTING, NOTIFY_CHANNEL);
        p.setProperty("database.hostname", dbHost);
        p.setProperty("database.port", Integer.toString(dbPort));
        p.setProperty("database.dbname", dbName);
        p.setProperty("database.user", dbUser);
        p.setProperty("database.password", dbPassword);
        p.setProperty("topic.prefix", "leadstream");
        p.setProperty("plugin.name", "pgoutput");
        // hitl-api's migrations create both, so no change is missed whichever starts first
        p.setProperty("slot.name", slot);
        p.setProperty("publication.name", publication);
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty("transforms.outbox.table.fields.additional.placement", "type:header:ce_type");
        return p;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null ? fallback : value;
    }

}
