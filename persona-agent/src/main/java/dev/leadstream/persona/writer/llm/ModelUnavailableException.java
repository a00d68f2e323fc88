package dev.leadstream.persona.writer.llm;

/** No usable answer came from the model: why (for the draft's fallback reason), and how many calls it took. */
final class ModelUnavailableException extends RuntimeException {

    private final int attempts;

    ModelUnavailableException(String reason, int attempts, Throwable cause) {
        super(reason, cause);
        this.attempts = attempts;
    }

    int attempts() {
        return attempts;
    }
}
