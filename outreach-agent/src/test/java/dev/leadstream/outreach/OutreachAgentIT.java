package dev.leadstream.outreach;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.MailTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real broker, real SMTP server (GreenMail): an approval sends one email, a redelivery none. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailTestResource.class)
class OutreachAgentIT {

    @Test
    void anApprovedDraftIsSentExactlyOnceAndAnnounced() throws Exception {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String recipient = "owner-" + UUID.randomUUID() + "@rose.test";
        Draft draft = new Draft(UUID.randomUUID().toString(), "rose.test", 1, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email(recipient, "Hello Rose", "Hi there", "<p>Hi there</p>"), List.of(), List.of(), List.of(),
                Provenance.of("test", "1", null), "uk-food");
        Approval approval = Approval.draftApproved(UUID.randomUUID().toString(), draft, "ana");
        probe.send(Topics.APPROVED, draft.leadId(), approval);
        probe.send(Topics.APPROVED, draft.leadId(), approval); // the same decision delivered twice

        List<Engagement> sent = probe.values(Topics.ENGAGEMENT, probe.readUntil(Topics.ENGAGEMENT.name(), Duration.ofSeconds(60),
                        rs -> probe.values(Topics.ENGAGEMENT, rs).stream().filter(e -> draft.draftId().equals(e.draftId())).count() >= 2))
                .stream().filter(e -> draft.draftId().equals(e.draftId())).toList();
        assertThat(sent).extracting(Engagement::type).containsOnly(Engagement.SENT);
        assertThat(sent).extracting(Engagement::segment).containsOnly("uk-food"); // learning is per segment
        assertThat(sent).extracting(Engagement::eventId).containsOnly(sent.get(0).eventId());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> toRecipient(recipient).size() == 1);
        MimeMessage message = toRecipient(recipient).get(0);
        assertThat(message.getSubject()).isEqualTo("Hello Rose");
    }

    private static List<MimeMessage> toRecipient(String recipient) {
        return SharedInfra.mail().received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
