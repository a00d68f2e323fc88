package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.language.Phrasebook;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a phrase key into a statement: picks one of its alternatives whose slots can all be
 * filled (by a stable hash, so variation is reproducible), fills them, and cites the facts of
 * every slot it used. A statement the gate refused before moves on to the next alternative.
 */
final class SentenceMaker {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z-]+)}");

    private final Phrasebook phrases;
    private final String seed;
    private final Set<String> rejected;

    SentenceMaker(Phrasebook phrases, String seed, Set<String> rejected) {
        this.phrases = phrases;
        this.seed = seed;
        this.rejected = rejected;
    }

    Phrasebook phrases() {
        return phrases;
    }

    Optional<Draft.Statement> say(String id, String about, String key, Map<String, Slot> slots) {
        return say(id, about, key, slots, Integer.MAX_VALUE);
    }

    /** A statement of at most {@code maxLength} characters, or none when no alternative fits. */
    Optional<Draft.Statement> say(String id, String about, String key, Map<String, Slot> slots, int maxLength) {
        List<String> usable = phrases.all(key).stream().filter(p -> fillable(p, slots)).toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        int start = StableChoice.index(usable.size(), seed, id) + (rejected.contains(id) ? 1 : 0);
        for (int i = 0; i < usable.size(); i++) {
            Draft.Statement statement = fill(id, about, usable.get((start + i) % usable.size()), slots);
            if (statement.text().length() <= maxLength) {
                return Optional.of(statement);
            }
        }
        return Optional.empty();
    }

    /** The one phrase a key names, e.g. a sector's noun. */
    String word(String key, String orElse) {
        return phrases.word(key, orElse);
    }

    private static boolean fillable(String phrase, Map<String, Slot> slots) {
        Matcher slot = SLOT.matcher(phrase);
        while (slot.find()) {
            if (!slots.containsKey(slot.group(1))) {
                return false;
            }
        }
        return true;
    }

    private static Draft.Statement fill(String id, String about, String phrase, Map<String, Slot> slots) {
        Set<String> facts = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        Matcher slot = SLOT.matcher(phrase);
        while (slot.find()) {
            Slot filled = slots.get(slot.group(1));
            facts.addAll(filled.factIds());
            slot.appendReplacement(text, Matcher.quoteReplacement(filled.text()));
        }
        slot.appendTail(text);
        return new Draft.Statement(id, capitalised(text.toString()), about, new ArrayList<>(facts), Draft.Statement.UNCHECKED, null);
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : sentence.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sentence.substring(1);
    }
}
