package dev.leadstream.hitl.service;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether each agent is running, told from what the broker knows, without calling any agent: the
 * members of the agent's consumer group and how far its committed offsets lag behind the topics
 * it reads. A group without members is an agent that is not running.
 */
@ApplicationScoped
public class AgentLiveness {

    /** {@code leadstream.analytics.*}: which consumer group is which agent's, and what "recent" means. */
    @ConfigMapping(prefix = "leadstream.analytics")
    public interface Settings {
        /** Agent name (as its records and dead letters name it) to its consumer group or Streams application id. */
        Map<String, String> agentGroups();

        /** Dead letters within this window make an agent "dead-lettering". */
        @WithDefault("PT15M")
        Duration deadLetterWindow();

        /** How long the broker may take to answer before the agents' state is "unknown". */
        @WithDefault("PT5S")
        Duration brokerTimeout();
    }

    /** What the broker says of one group: its members and its lag (-1 when there is no group at all). */
    public record GroupHealth(String group, int members, long lag, boolean exists) {
    }

    private final Settings settings;
    private final Admin admin;

    public AgentLiveness(Settings settings, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.settings = settings;
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "hitl-api-analytics");
        this.admin = Admin.create(config);
    }

    public Settings settings() {
        return settings;
    }

    /** Per configured agent, its group's state; empty when the broker did not answer in time. */
    public Uni<Optional<Map<String, GroupHealth>>> groups() {
        return Uni.createFrom().item(this::read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Optional<Map<String, GroupHealth>> read() {
        long timeout = settings.brokerTimeout().toMillis();
        try {
            Map<String, GroupHealth> states = new LinkedHashMap<>();
            for (Map.Entry<String, String> agent : settings.agentGroups().entrySet()) {
                String group = agent.getValue();
                Optional<ConsumerGroupDescription> description = describe(group, timeout);
                boolean exists = description.isPresent() && description.get().groupState() != org.apache.kafka.common.GroupState.DEAD;
                int members = description.map(d -> d.members().size()).orElse(0);
                states.put(agent.getKey(), new GroupHealth(group, members, exists ? lag(group, timeout) : -1, exists));
            }
            return Optional.of(states);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Optional<ConsumerGroupDescription> describe(String group, long timeout) throws Exception {
        try {
            return Optional.of(admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group)
                    .get(timeout, TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * "down": the agent's group has no member (not running, or never started); "dead-lettering":
     * it gave up on records within the window; "unknown": the broker did not answer; else "up".
     */
    public static String status(Optional<GroupHealth> group, long recentDeadLetters) {
        if (group.isPresent() && (!group.get().exists() || group.get().members() == 0)) {
            return "down";
        }
        if (recentDeadLetters > 0) {
            return "dead-lettering";
        }
        return group.isPresent() ? "up" : "unknown";
    }

    private long lag(String group, long timeout) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
        committed.values().removeIf(java.util.Objects::isNull);
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(timeout, TimeUnit.MILLISECONDS);
        return committed.entrySet().stream()
                .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
