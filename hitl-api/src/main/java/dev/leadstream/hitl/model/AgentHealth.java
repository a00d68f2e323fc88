package dev.leadstream.hitl.model;

/** An agent's records as the review service saw them; the success rate is null while there is nothing to rate. */
public record AgentHealth(String agent, long processed, long deadLetters, long recentDeadLetters) {

    public Double successRate() {
        return processed + deadLetters == 0 ? null : Math.round(1000.0 * processed / (processed + deadLetters)) / 1000.0;
    }
}
