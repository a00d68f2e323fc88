package dev.leadstream.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a {@code @QuarkusTest}'s SMTP sender and reply mailbox at the shared real mail server (GreenMail). */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "outreach.smtp.host", "127.0.0.1",
                "outreach.smtp.port", Integer.toString(SharedInfra.mail().smtpPort()),
                "outreach.replies.host", "127.0.0.1",
                "outreach.replies.port", Integer.toString(SharedInfra.mail().imapPort()),
                "outreach.replies.poll-interval", "500ms");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped at JVM exit
    }
}
