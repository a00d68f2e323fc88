package dev.leadstream.topics;

import dev.leadstream.topics.event.RawLead;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTest {

    @Test
    void roundTripsThroughKafkaSerdes() {
        JsonSerde<RawLead> serde = Topics.RAW_LEADS.valueSerde();
        byte[] bytes = serde.serializer().serialize(Topics.RAW_LEADS.name(), SampleEvents.rawLead());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"fetchedAt\":\"2026-11-24T10:15:30Z\"");
        assertThat(serde.deserializer().deserialize(Topics.RAW_LEADS.name(), bytes)).isEqualTo(SampleEvents.rawLead());
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json = EventJson.toJson(SampleEvents.engagement()).replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(EventJson.read(json, SampleEvents.engagement().getClass())).isEqualTo(SampleEvents.engagement());
    }

    @Test
    void aMalformedValueRaisesAReasonForTheDeadLetterTopic() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.RAW_LEADS.valueSerde().deserializer().deserialize("raw-leads", garbage))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("not a valid RawLead");
    }
}
