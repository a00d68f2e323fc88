package dev.leadstream.persona.writer.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The prompt as the draft's provenance keeps it: whole up to {@code limit} characters, else its
 * beginning with its length and SHA-256, so an auditor can still match it against a kept copy.
 * The draft travels in one Kafka record and one outbox row, which a whole prompt with many facts
 * and style examples could outgrow.
 */
final class PromptRecord {

    static final int LIMIT = 16_000;

    private PromptRecord() {
    }

    static String of(String prompt) {
        return of(prompt, LIMIT);
    }

    static String of(String prompt, int limit) {
        if (prompt.length() <= limit) {
            return prompt;
        }
        return prompt.substring(0, limit) + "\n… [prompt cut: " + prompt.length() + " characters in all, sha256 " + sha256(prompt) + "]";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
