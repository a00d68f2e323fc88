package dev.leadstream.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The broker's ACLs, made from the contract: {@code x-written-by} and {@code x-read-by} on each
 * channel of {@code topics/asyncapi.yaml} name the principals (one per agent) that may write and
 * read it. Beyond that an agent may write the dead-letter topic of every topic it reads or writes,
 * and owns the topics, consumer groups and transactional ids named after it ({@code <agent>...} or
 * {@code leadstream-<agent>...}): Kafka Streams' internal topics, its own position or board topics,
 * and a contract topic named so only when the contract names it the topic's only writer.
 * The {@value Credentials#KAFKA_TAP} user reads every contract topic and writes none; hitl-api may
 * describe every consumer group and topic, for the agents' health on its analytics page.
 */
public final class ContractAcls {

    private static final String DLQ = ".dlq";
    private static final String MONITOR = "hitl-api";

    private ContractAcls() {
    }

    /** Every principal the contract names, in contract order. */
    public static Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        for (JsonNode channel : ContractTopics.asyncApi().path("channels")) {
            channel.path("x-written-by").forEach(p -> principals.add(p.asText()));
            channel.path("x-read-by").forEach(p -> principals.add(p.asText()));
        }
        return principals;
    }

    public static List<AclBinding> bindings() {
        List<AclBinding> acls = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (JsonNode channel : ContractTopics.asyncApi().path("channels")) {
            String topic = channel.path("address").asText();
            topics.add(topic);
            channel.path("x-written-by").forEach(p -> {
                topic(acls, p.asText(), topic, AclOperation.WRITE);
                topic(acls, p.asText(), deadLetters(topic), AclOperation.WRITE);
            });
            channel.path("x-read-by").forEach(p -> {
                topic(acls, p.asText(), topic, AclOperation.READ);
                if (!topic.endsWith(DLQ)) {
                    topic(acls, p.asText(), deadLetters(topic), AclOperation.WRITE);
                }
            });
        }
        for (String principal : principals()) {
            for (String prefix : List.of(principal, "leadstream-" + principal)) {
                if (topics.stream().anyMatch(t -> t.startsWith(prefix) && !writtenOnlyBy(t, principal))) {
                    throw new IllegalStateException("principal " + principal + " would own contract topic names: rename it");
                }
                for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
                    acls.add(allow(principal, new ResourcePattern(type, prefix, PatternType.PREFIXED), AclOperation.ALL));
                }
            }
        }
        // hitl-api's analytics tells a live agent from a dead one by its consumer group and lag
        for (ResourceType type : List.of(ResourceType.GROUP, ResourceType.TOPIC)) {
            acls.add(allow(MONITOR, new ResourcePattern(type, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL),
                    AclOperation.DESCRIBE));
        }
        topics.forEach(topic -> topic(acls, Credentials.KAFKA_TAP, topic, AclOperation.READ));
        acls.add(allow(Credentials.KAFKA_TAP, new ResourcePattern(ResourceType.GROUP, Credentials.KAFKA_TAP, PatternType.PREFIXED),
                AclOperation.READ));
        return List.copyOf(new LinkedHashSet<>(acls));
    }

    /** Creates the contract's ACLs; those that exist already stay as they are. */
    public static void apply(Admin admin) {
        try {
            admin.createAcls(bindings()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the contract's ACLs: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A topic its only writer may own, as the relay owns {@code outbox-relay.dlq}. */
    private static boolean writtenOnlyBy(String topic, String principal) {
        for (JsonNode channel : ContractTopics.asyncApi().path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                JsonNode writers = channel.path("x-written-by");
                return writers.size() == 1 && writers.get(0).asText().equals(principal);
            }
        }
        return false;
    }

    private static String deadLetters(String topic) {
        return topic.endsWith(DLQ) ? topic : topic + DLQ;
    }

    /** The operation, and DESCRIBE, which a client needs to find the topic at all. */
    private static void topic(List<AclBinding> acls, String principal, String topic, AclOperation operation) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        acls.add(allow(principal, pattern, operation));
        acls.add(allow(principal, pattern, AclOperation.DESCRIBE));
    }

    private static AclBinding allow(String principal, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
