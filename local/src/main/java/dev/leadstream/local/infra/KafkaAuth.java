package dev.leadstream.local.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a client signs in to the local broker: SASL PLAIN on a loopback-only listener, one user per
 * agent. PLAIN keeps users in the broker's own configuration, so a single KRaft node needs no
 * bootstrapped credential store, and its controller listener can use the same mechanism.
 */
public final class KafkaAuth {

    public static final String PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "PLAIN";

    /** The admin client settings of each running broker, by bootstrap address: what test probes and the CLI use. */
    private static final Map<String, Map<String, Object>> ADMINS = new ConcurrentHashMap<>();

    private KafkaAuth() {
    }

    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Settings for a plain Kafka client (admin, producer, consumer) signing in as {@code user}; a new map to add to. */
    public static Map<String, Object> client(String bootstrapServers, String user, String password) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        client.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        client.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        return client;
    }

    /** Quarkus settings: messaging ({@code kafka.*}) and Kafka Streams ({@code quarkus.kafka-streams.*}). */
    public static Map<String, String> quarkusSettings(String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.security.protocol", PROTOCOL);
        settings.put("kafka.sasl.mechanism", MECHANISM);
        settings.put("kafka.sasl.jaas.config", jaasConfig(user, password));
        settings.put("quarkus.kafka-streams.security-protocol", PROTOCOL);
        settings.put("quarkus.kafka-streams.sasl.mechanism", MECHANISM);
        settings.put("quarkus.kafka-streams.sasl.jaas-config", jaasConfig(user, password));
        return settings;
    }

    /**
     * The same as environment variables, so a password never shows on a command line: Quarkus reads
     * {@code KAFKA_*} into every channel and {@code QUARKUS_KAFKA_STREAMS_*} into Streams; the relay
     * reads {@code KAFKA_*} too.
     */
    public static Map<String, String> environment(String user, String password) {
        Map<String, String> environment = new LinkedHashMap<>();
        quarkusSettings(user, password).forEach((key, value) ->
                environment.put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }

    /** Remembers how to sign in as the admin of the broker at {@code bootstrapServers}. */
    public static void registerAdmin(String bootstrapServers, Map<String, Object> adminClient) {
        ADMINS.put(bootstrapServers, Map.copyOf(adminClient));
    }

    /** The admin's client settings for that broker, or the bare address when nobody registered one. */
    public static Map<String, Object> adminFor(String bootstrapServers) {
        return ADMINS.getOrDefault(bootstrapServers,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
