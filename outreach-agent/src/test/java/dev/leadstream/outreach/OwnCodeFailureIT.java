package dev.leadstream.outreach;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.MailTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.outreach.channel.SmtpSender;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An approval that fails inside the agent's own code, past reading and checking it (here the
 * sender throws for one recipient's domain), is dead-lettered once naming outreach-agent, and the
 * next approval is sent. The failing sender stands in for any bug of ours; the broker, the SMTP
 * server and the consumer are real.
 */
@QuarkusTest
@TestProfile(OwnCodeFailureIT.WithAFailingSender.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailTestResource.class)
class OwnCodeFailureIT {

    private static final String FAILING_DOMAIN = "@fails-in-our-code.test";

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void anApprovalOurCodeFailsOnIsDeadLetteredOnceAndTheNextOneIsSent() throws Exception {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());
        Approval failing = approval("owner-" + UUID.randomUUID() + FAILING_DOMAIN);
        String recipient = "owner-" + UUID.randomUUID() + "@hazel.test";
        Approval valid = approval(recipient);

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.APPROVED.name(), Topics.APPROVED.eventType(),
                List.of(new PoisonRecords.Poison("fails-in-our-code", failing.leadId(), EventJson.toBytes(failing))));
        probe.send(Topics.APPROVED, valid.leadId(), valid);

        await().atMost(Duration.ofSeconds(90)).until(() -> mailsTo(recipient) == 1);
        fuzz.assertEachDeadLetteredOnce("outreach-agent", landed, Duration.ofSeconds(90));
        assertThat(reasonOf(probe, Topics.APPROVED.dlq(), failing.eventId())).isEqualTo("a bug in the sender");
        assertThat(mailsTo(recipient)).isEqualTo(1);
        DeadLetterFuzz.assertHealthy(ready);
    }

    private static Approval approval(String recipient) {
        Draft draft = new Draft(UUID.randomUUID().toString(), "hazel.test", 1, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email(recipient, "Hello Hazel", "Hi there", null), List.of(), List.of(), List.of(),
                Provenance.of("test", "1", null), "uk-food");
        return Approval.draftApproved(UUID.randomUUID().toString(), draft, "ana");
    }

    /** The reason of the dead letter whose value mentions {@code marker}. */
    private static String reasonOf(TopicProbe probe, String dlq, String marker) {
        return probe.readUntil(dlq, Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> mentions(r, marker))).stream()
                .filter(r -> mentions(r, marker)).findFirst()
                .map(r -> CloudEvents.value(r.headers(), DeadLetters.REASON)).orElseThrow();
    }

    private static boolean mentions(ConsumerRecord<byte[], byte[]> record, String marker) {
        return record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(marker);
    }

    private static long mailsTo(String recipient) {
        return SharedInfra.mail().received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient);
            } catch (MessagingException e) {
                throw new AssertionError("GreenMail holds a message whose recipient cannot be read", e);
            }
        }).count();
    }

    public static class WithAFailingSender implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingSender.class);
        }
    }

    /** The agent's SMTP sender, throwing for one domain as a bug of ours would. */
    @Alternative
    @Singleton
    public static class FailingSender extends SmtpSender {

        public FailingSender(SmtpConfig config) {
            super(config);
        }

        @Override
        public void send(Draft draft, String messageId) throws MessagingException {
            if (draft.email().to().endsWith(FAILING_DOMAIN)) {
                throw new IllegalStateException("a bug in the sender");
            }
            super.send(draft, messageId);
        }
    }
}
