package dev.leadstream.outreach.messaging;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * For crash tests only: {@code outreach.fault.pause-after-send.ms} holds each send after the SMTP
 * server accepted it and before the ledger records it, so a test's SIGKILL lands exactly there.
 * Off (0) unless set.
 */
final class CrashTestHold {

    private static final Logger LOG = Logger.getLogger(CrashTestHold.class);

    private CrashTestHold() {
    }

    static void afterSmtpBeforeLedger(String draftId) {
        long millis = ConfigProvider.getConfig().getOptionalValue("outreach.fault.pause-after-send.ms", Long.class).orElse(0L);
        if (millis <= 0) {
            return;
        }
        LOG.warnf("crash-test hold: draft %s was handed to SMTP and is not yet in the ledger; holding %d ms", draftId, millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
