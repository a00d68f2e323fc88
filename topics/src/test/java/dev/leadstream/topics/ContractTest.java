package dev.leadstream.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds records, JSON Schemas and the AsyncAPI document together: any drift fails here. */
class ContractTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("discovery-request.json", SampleEvents.discoveryRequest()),
                Arguments.of("discovery-progress.json", SampleEvents.discoveryProgress()),
                Arguments.of("raw-lead.json", SampleEvents.rawLead()),
                Arguments.of("scored-lead.json", SampleEvents.scoredLead()),
                Arguments.of("enriched-lead.json", SampleEvents.enrichedLead()),
                Arguments.of("draft.json", SampleEvents.draft()),
                Arguments.of("approval.json", SampleEvents.leadSelected()),
                Arguments.of("approval.json", SampleEvents.draftApproved()),
                Arguments.of("approval.json", SampleEvents.regenerate()),
                Arguments.of("campaign.json", SampleEvents.campaign()),
                Arguments.of("engagement.json", SampleEvents.engagement()),
                Arguments.of("scoring-model.json", SampleEvents.scoringModel()));
    }

    @ParameterizedTest(name = "{1} validates against {0}")
    @MethodSource("samples")
    void everySerialisedEventValidatesAgainstItsSchema(String schemaFile, Object event) {
        JsonNode json = EventJson.MAPPER.valueToTree(event);
        Set<ValidationMessage> errors = Schemas.schema(schemaFile).validate(json);
        assertThat(errors).as("schema errors for %s", json).isEmpty();
        assertThat(EventJson.read(EventJson.toBytes(event), event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0} and {1} name the same fields")
    @MethodSource("topicSchemas")
    void recordsAndSchemasNameTheSameFields(String schemaFile, Class<?> recordType) {
        List<String> drift = new ArrayList<>();
        compare(recordType, Schemas.raw(schemaFile), schemaFile, recordType.getSimpleName(), drift);
        assertThat(drift).as("record/schema drift").isEmpty();
    }

    static Stream<Arguments> topicSchemas() {
        return Topics.all().stream().map(t -> Arguments.of(schemaFileOf(t), t.valueType()));
    }

    @Test
    void aSchemaRejectsAnEventThatBreaksTheContract() {
        JsonNode json = EventJson.MAPPER.valueToTree(SampleEvents.scoredLead());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("score", 140).put("surprise", true);
        Set<ValidationMessage> errors = Schemas.schema("scored-lead.json").validate(json);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("score")).anyMatch(m -> m.contains("surprise"));
    }

    @Test
    void asyncApiNamesEveryTopicAndItsDeadLetterTopic() throws IOException {
        JsonNode doc = asyncApi();
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> {
            addresses.add(channel.path("address").asText());
            assertThat(channel.path("bindings").path("kafka").path("partitions").asInt())
                    .as("partitions of %s", channel.path("address").asText()).isPositive();
        });
        assertThat(addresses).isEqualTo(new TreeSet<>(Topics.names()));
    }

    @Test
    void leadKeyedTopicsAreCoPartitionedAndTablesAreCompacted() throws IOException {
        JsonNode doc = asyncApi();
        JsonNode messages = doc.path("components").path("messages");
        Set<Integer> leadKeyedPartitions = new HashSet<>();
        Set<String> leadKeyed = new TreeSet<>();
        doc.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            JsonNode kafka = channel.path("bindings").path("kafka");
            // a channel without messages (outbox-relay.dlq carries rows of any topic) is keyed by nothing in particular
            String message = channel.path("messages").isEmpty() ? ""
                    : channel.path("messages").elements().next().path("$ref").asText().replace("#/components/messages/", "");
            String key = messages.path(message).path("bindings").path("kafka").path("key").path("description").asText();
            if (!address.endsWith(".dlq") && key.equals("lead id")) {
                leadKeyed.add(address);
                leadKeyedPartitions.add(kafka.path("partitions").asInt());
            }
            if (List.of(Topics.SCORING_MODEL.name(), Topics.DISCOVERY_PROGRESS.name(), Topics.CAMPAIGNS.name()).contains(address)) {
                assertThat(kafka.path("topicConfiguration").path("cleanup.policy").toString()).as(address).contains("compact");
            }
        });
        assertThat(leadKeyed).contains(Topics.RAW_LEADS.name(), Topics.APPROVED.name(), Topics.DRAFTS.name());
        assertThat(leadKeyedPartitions).hasSize(1);
    }

    @Test
    void everyMessagePayloadNamesASchemaThatExists() throws IOException {
        JsonNode messages = asyncApi().path("components").path("messages");
        assertThat(messages.size()).isEqualTo(Topics.all().size());
        messages.forEach(message -> {
            String ref = message.path("payload").path("$ref").asText();
            assertThat(Schemas.raw(ref.replace("./schemas/", ""))).isNotNull();
        });
    }

    static String schemaFileOf(Topic<?> topic) {
        try {
            JsonNode messages = asyncApi().path("components").path("messages");
            String ref = messages.path(topic.valueType().getSimpleName()).path("payload").path("$ref").asText();
            return ref.replace("./schemas/", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode asyncApi() throws IOException {
        try (InputStream in = ContractTest.class.getResourceAsStream("/leadstream/asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    /** Walks a record and its schema side by side; notes every field that only one of them has. */
    private static void compare(Class<?> type, JsonNode schema, String file, String path, List<String> drift) {
        Resolved resolved = resolve(schema, file);
        JsonNode properties = resolved.node().path("properties");
        Set<String> schemaFields = new TreeSet<>();
        properties.fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            recordFields.add(component.getName());
            JsonNode property = properties.path(component.getName());
            if (property.isMissingNode()) {
                drift.add(path + "." + component.getName() + " is in the record but not in " + resolved.file());
                continue;
            }
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                Resolved nestedSchema = resolve(property, resolved.file());
                boolean array = nestedSchema.node().path("type").asText().equals("array");
                compare(nested, array ? nestedSchema.node().path("items") : nestedSchema.node(), nestedSchema.file(),
                        path + "." + component.getName() + (array ? "[]" : ""), drift);
            }
        }
        schemaFields.removeAll(recordFields);
        schemaFields.forEach(f -> drift.add(path + "." + f + " is in " + resolved.file() + " but not in the record"));
    }

    private record Resolved(JsonNode node, String file) {
    }

    private static Resolved resolve(JsonNode node, String file) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return new Resolved(node, file);
        }
        String targetFile = ref.startsWith("#") ? file : ref.substring(0, ref.contains("#") ? ref.indexOf('#') : ref.length());
        JsonNode target = Schemas.raw(targetFile);
        if (ref.contains("#")) {
            String pointer = ref.substring(ref.indexOf('#') + 1);
            target = target.at(pointer);
        }
        return resolve(target, targetFile);
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        return null;
    }

}
