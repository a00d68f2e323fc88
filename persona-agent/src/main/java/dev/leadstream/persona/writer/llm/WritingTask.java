package dev.leadstream.persona.writer.llm;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.topics.event.Campaign;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What a brief asks the model for: every channel of the campaign, at every step of its sequence,
 * in {@code variants} different approaches. Without a campaign: one email, as a first touch.
 */
record WritingTask(List<String> channels, List<Campaign.Step> steps, int variants) {

    static final int VARIANTS = 2;
    private static final Campaign.Step FIRST_TOUCH = new Campaign.Step(0, 0, "intro");

    static WritingTask of(Brief brief) {
        Campaign campaign = brief.campaign();
        List<String> channels = campaign == null || campaign.channels().isEmpty() ? List.of("email")
                : campaign.channels().stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
        List<Campaign.Step> steps = campaign == null || campaign.sequence().isEmpty() ? List.of(FIRST_TOUCH) : campaign.sequence();
        return new WritingTask(channels, steps, VARIANTS);
    }

    Optional<Campaign.Step> step(int number) {
        return steps.stream().filter(s -> s.step() == number).findFirst();
    }

    /** Variant ids the model is asked for: a, b, ... */
    List<String> variantIds() {
        return IntStream.range(0, variants).mapToObj(i -> String.valueOf((char) ('a' + i))).toList();
    }
}
