package dev.leadstream.enrichment.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The address and sign-in settings of the agent's Kafka configuration ({@code kafka.bootstrap.servers},
 * {@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}), for the clients it
 * makes itself (index restore, the boards topic) beside its channels and Streams.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** From Quarkus's {@code default-kafka-broker} map (every {@code kafka.*} setting, prefix removed). */
    public static Map<String, Object> of(Map<String, Object> defaultBroker) {
        Map<String, Object> settings = new HashMap<>();
        defaultBroker.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
