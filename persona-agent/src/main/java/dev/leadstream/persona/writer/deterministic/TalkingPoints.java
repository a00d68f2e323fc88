package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.persona.Angle;
import dev.leadstream.persona.writer.Instruction;
import dev.leadstream.persona.writer.Mentions;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What each message talks about, so a sequence never repeats itself: the first touch uses the
 * first angles and offering statements of its approach, and every follow-up one angle and one
 * statement that no earlier touch used. A reviewer's "mention ..." moves what matches it first.
 */
final class TalkingPoints {

    /** One offering statement in the draft's language, as its campaign fact. */
    record Offer(String factId, String kind, String text) {
    }

    /** What one message says: angles about the lead, then offering statements. */
    record Points(List<Angle> angles, List<Offer> offers) {
    }

    private final List<Angle> angles;
    private final List<Offer> offers;
    private final Facts facts;
    private final int firstTouchSize;

    TalkingPoints(List<Angle> angles, Campaign campaign, String language, Facts facts, Instruction instruction) {
        this.facts = facts;
        this.firstTouchSize = 2 + instruction.length();
        List<Offer> spoken = new ArrayList<>();
        if (campaign != null && campaign.offering() != null) {
            campaign.offering().statements().stream().filter(s -> CampaignFacts.speaks(campaign, s, language))
                    .forEach(s -> spoken.add(new Offer(CampaignFacts.statementId(s), s.kind(), s.in(language))));
        }
        List<String> words = instruction.mentionWords();
        this.angles = angles.stream().filter(a -> a.kind() != Angle.Kind.LOOKALIKE)
                .sorted(Comparator.comparing(a -> !matches(a, words))).toList();
        this.offers = spoken.stream().sorted(Comparator.comparing(o -> !matches(o, words))).toList();
    }

    boolean hasOffers() {
        return !offers.isEmpty();
    }

    /**
     * The points of one touch. The question-led approach opens with what the lead says about
     * itself and another offering statement, so the two first touches differ in substance too.
     */
    Points of(String approach, int step) {
        List<Angle> ordered = "question-led".equals(approach) ? observationsFirst() : angles;
        List<Offer> offered = "question-led".equals(approach) ? rotated(offers) : offers;
        if (step == 0) {
            return new Points(first(ordered, firstTouchSize), first(offered, firstTouchSize));
        }
        int next = firstTouchSize + step - 1;
        return new Points(at(ordered, next), at(offered, next));
    }

    private List<Angle> observationsFirst() {
        List<Angle> ordered = new ArrayList<>(angles.stream().filter(a -> !a.kind().isWhyNow()).toList());
        ordered.addAll(angles.stream().filter(a -> a.kind().isWhyNow()).toList());
        return ordered;
    }

    private static <T> List<T> rotated(List<T> list) {
        if (list.size() < 2) {
            return list;
        }
        List<T> rotated = new ArrayList<>(list.subList(1, list.size()));
        rotated.add(list.getFirst());
        return rotated;
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.subList(0, Math.min(Math.max(n, 1), list.size()));
    }

    private static <T> List<T> at(List<T> list, int index) {
        return index < list.size() ? List.of(list.get(index)) : List.of();
    }

    private boolean matches(Angle angle, List<String> words) {
        return angle.factIds().stream().map(facts::get).flatMap(java.util.Optional::stream).anyMatch(f -> Mentions.matches(f, words));
    }

    private static boolean matches(Offer offer, List<String> words) {
        return Mentions.matches(offer.kind(), offer.text(), words);
    }
}
