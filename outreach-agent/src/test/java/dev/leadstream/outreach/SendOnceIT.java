package dev.leadstream.outreach;

import dev.leadstream.local.infra.LocalMail;
import dev.leadstream.outreach.channel.SmtpSender;
import dev.leadstream.outreach.ledger.SendLedger;
import dev.leadstream.outreach.ledger.SentMessages;
import dev.leadstream.outreach.messaging.SendOnce;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A real SMTP server (GreenMail) that is down, then up: the send waits for it and happens once. */
class SendOnceIT {

    @Test
    void anUnreachableSmtpServerIsATransientFailureAndTheEmailGoesOnceItIsBack(@TempDir Path dir) throws Exception {
        int smtpPort = freePort();
        SendOnce once = new SendOnce(new SmtpSender(config(smtpPort)), new SendLedger(dir), new SentMessages(dir));
        Draft draft = new Draft("d-1", "oak.test", 1, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email("owner@oak.test", "Hello Oak", "Hi there", null), List.of(), List.of(), List.of(),
                Provenance.of("test", "1", null), "uk-food");
        Engagement sent = new Engagement("e-1", "oak.test", Engagement.SENT, "email", "d-1", "uk-food", "v1", null,
                Instant.now(), Provenance.of("test", "1", null));

        Throwable down = catchThrowable(() -> once.send("d-1:v1:email", draft, sent));
        assertThat(down).isNotNull();
        assertThat(DeadLetters.isTransient(down)).as("a refused connection is retried, not dead-lettered").isTrue();
        assertThat(new SendLedger(dir).stateOf("d-1:v1:email")).as("nothing left, so the claim is given back").isNull();

        try (LocalMail mail = new LocalMail(smtpPort, freePort()).start()) {
            assertThat(once.send("d-1:v1:email", draft, sent)).isEqualTo(SendOnce.Result.SENT);
            assertThat(once.send("d-1:v1:email", draft, sent)).isEqualTo(SendOnce.Result.ALREADY_SENT);
            SendOnce afterRestart = new SendOnce(new SmtpSender(config(smtpPort)), new SendLedger(dir), new SentMessages(dir));
            assertThat(afterRestart.send("d-1:v1:email", draft, sent)).isEqualTo(SendOnce.Result.ALREADY_SENT);
            assertThat(mail.received()).hasSize(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static SmtpSender.SmtpConfig config(int port) {
        return new SmtpSender.SmtpConfig() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String from() { return "outreach@leadstream.local"; }
            public String heloName() { return "leadstream.local"; }
            public boolean startTls() { return false; }
            public Optional<String> username() { return Optional.empty(); }
            public Optional<String> password() { return Optional.empty(); }
            public Duration timeout() { return Duration.ofSeconds(5); }
            public Optional<String> unsubscribeMailbox() { return Optional.empty(); }
        };
    }
}
