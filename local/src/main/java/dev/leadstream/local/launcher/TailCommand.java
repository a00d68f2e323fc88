package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.topics.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "tail", description = "Print a topic's records as they arrive (key, CloudEvents type, JSON value).")
public class TailCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Topic name, e.g. scored-leads or raw-leads.dlq")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of the newest.")
    boolean fromBeginning;

    @Override
    public Integer call() {
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), 0);
        // the read-only tap user: tailing cannot write anything
        Map<String, Object> settings = new HashMap<>(stack.kafkaClientAs(Credentials.KAFKA_TAP));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                System.err.println("No topic " + topic + ". See ./leadstream topics.");
                return 2;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(record.key() + "\t" + CloudEvents.value(record.headers(), CloudEvents.TYPE)
                            + "\t" + record.value());
                }
            }
        }
        return 0;
    }
}
