package dev.leadstream.persona.language;

import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.grounding.GroundingGate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence plans of every language: the same keys as English, and no phrase that claims
 * more than its slots' facts. A German noun the gate would take for a proper name fails here.
 */
class PhrasebookTest {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z-]+)}");
    /** What a slot carries in a real draft, each value a fact the sentence cites. */
    private static final Map<String, String> FACT_SLOTS = Map.ofEntries(Map.entry("name", "Rose Bakery"), Map.entry("city", "Leeds"),
            Map.entry("product", "OvenBook"), Map.entry("tech", "OpenTable"), Map.entry("count", "2"), Map.entry("term", "sourdough"),
            Map.entry("years", "14"), Map.entry("quote", "“Sourdough since 2012.”"), Map.entry("cta", "a 15-minute call"),
            Map.entry("statement", "Customers pre-order bread."), Map.entry("unsubscribe", Draft.Message.UNSUBSCRIBE_PLACEHOLDER));

    @ParameterizedTest
    @ValueSource(strings = {"de", "nl", "fr"})
    void everyLanguageHasEveryKeyOfEnglishAndNoOther(String language) {
        assertThat(Phrasebook.of(language).keys()).containsExactlyInAnyOrderElementsOf(Phrasebook.of("en").keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "nl", "fr"})
    void everyPhraseClaimsOnlyWhatItsSlotsCite(String language) {
        Phrasebook phrases = Phrasebook.of(language);
        List<Draft.Fact> facts = new ArrayList<>();
        FACT_SLOTS.forEach((slot, value) -> facts.add(new Draft.Fact("slot:" + slot, "lead", slot, value, "https://rose.test/")));
        List<String> refused = new ArrayList<>();
        for (String key : phrases.keys()) {
            for (String phrase : phrases.all(key)) {
                String sentence = filled(phrase, phrases);
                Draft.Statement checked = GroundingGate.check(new Draft.Statement("s", sentence, "lead",
                        facts.stream().map(Draft.Fact::id).toList(), Draft.Statement.UNCHECKED, null), facts, language);
                if (!Draft.Statement.SUPPORTED.equals(checked.status())) {
                    refused.add(key + ": " + sentence + " (" + checked.reason() + ")");
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "nl", "fr"})
    void everySectorOfTheTaxonomyHasItsWords(String language) {
        List<String> sectors = List.of("bakery", "cafe", "brewery", "winery", "restaurant", "bar", "dentist", "medical", "veterinary",
                "florist", "bookshop", "hair-beauty", "fitness", "hotel", "legal", "accounting", "real-estate", "trades", "automotive", "retail");
        Phrasebook phrases = Phrasebook.of(language);
        for (String sector : sectors) {
            for (String prefix : List.of("sector.", "sectors.", "customers.")) {
                assertThat(phrases.has(prefix + sector)).as(prefix + sector).isTrue();
                // mid-sentence, as the phrases use it: a capitalised noun must be one the gate knows names nobody
                Draft.Statement used = GroundingGate.check(new Draft.Statement("s", "Zu " + phrases.word(prefix + sector, "") + ".",
                        "lead", List.of(), Draft.Statement.UNCHECKED, null), List.of(), language);
                assertThat(used.status()).as(used.text() + " " + used.reason()).isEqualTo(Draft.Statement.SUPPORTED);
            }
        }
        assertThat(Campaign.LANGUAGES).allSatisfy(l -> assertThat(Phrasebook.exists(l)).isTrue());
    }

    /** Slots the phrasebook fills itself (a sector's noun) get its own words, which cite nothing. */
    private static String filled(String phrase, Phrasebook phrases) {
        Matcher slot = SLOT.matcher(phrase);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String name = slot.group(1);
            String value = FACT_SLOTS.containsKey(name) ? FACT_SLOTS.get(name) : switch (name) {
                case "sector", "sectors", "customers" -> phrases.word(name + ".restaurant", "?");
                case "tech-use" -> phrases.word("tech.booking", "?");
                case "missing" -> phrases.word("missing.booking", "?");
                default -> throw new AssertionError("a slot no test knows: " + name);
            };
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return slot.appendTail(out).toString();
    }
}
