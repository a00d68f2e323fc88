package dev.leadstream.local.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/** A real SMTP and IMAP server (GreenMail) on 127.0.0.1: every message sent to it can be read back. */
public final class LocalMail implements AutoCloseable {

    private final int smtpPort;
    private final int imapPort;
    private GreenMail greenMail;

    public LocalMail(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public LocalMail start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // any address receives mail, and any user may read its box over IMAP: this is a test server
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
