package dev.leadstream.outreach.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The headers of one message in the reply mailbox that say what it answers and whether a person
 * wrote it; never its sender or body.
 *
 * @param answers   the Message-IDs it names in In-Reply-To and References, nearest first
 * @param automatic why it was written by a machine (out-of-office, bounce, list), empty for a person
 * @param bounce    when it is a delivery report of a permanent failure: which message failed, and why
 */
public record InboundMail(long uid, String messageId, List<String> answers, Optional<String> automatic, Instant receivedAt,
                          Optional<Bounce> bounce) {

    /** A permanent delivery failure (RFC 3464 Action: failed) of the message {@code messageId}. */
    public record Bounce(String messageId, String status) {
    }
}
