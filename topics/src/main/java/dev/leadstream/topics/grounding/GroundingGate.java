package dev.leadstream.topics.grounding;

import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * No invented claim reaches a reviewer unmarked: every number, date, URL, price, proper name and
 * named technology in a statement must appear in a fact the statement cites. Shared by
 * persona-agent (which regenerates or drops what fails) and hitl-api (which checks a reviewer's
 * edits again and refuses to approve while a statement is unsupported).
 */
public final class GroundingGate {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\s*\\n+\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,\\s]\\d{3})*(?:[.,]\\d+)?");

    private GroundingGate() {
    }

    /** The statement with its status and, when unsupported, the token no cited fact carries. */
    public static Draft.Statement check(Draft.Statement statement, List<Draft.Fact> facts, String language) {
        Map<String, Draft.Fact> byId = facts.stream().collect(Collectors.toMap(Draft.Fact::id, Function.identity(), (a, b) -> a));
        List<Draft.Fact> cited = new ArrayList<>();
        for (String id : statement.factIds()) {
            Draft.Fact fact = byId.get(id);
            if (fact == null) {
                return with(statement, Draft.Statement.UNSUPPORTED, "cites " + id + ", which is no fact of this draft");
            }
            cited.add(fact);
        }
        for (String token : ClaimTokens.of(statement.text(), language)) {
            if (cited.stream().noneMatch(fact -> carries(fact, token))) {
                return with(statement, Draft.Statement.UNSUPPORTED, "\"" + token + "\" is in no fact it cites");
            }
        }
        return with(statement, Draft.Statement.SUPPORTED, null);
    }

    public static List<Draft.Statement> checkAll(List<Draft.Statement> statements, List<Draft.Fact> facts, String language) {
        return statements.stream().map(s -> check(s, facts, language)).toList();
    }

    /**
     * A reviewer's edited text, sentence by sentence: a sentence left as it was keeps its
     * citations; a new or changed one cites whichever of the draft's facts carry its claims, and
     * is unsupported when none does.
     */
    public static List<Draft.Statement> recheck(String text, List<Draft.Statement> before, List<Draft.Fact> facts,
                                                String language) {
        List<Draft.Statement> checked = new ArrayList<>();
        int n = 0;
        for (String sentence : sentences(text)) {
            n++;
            Draft.Statement kept = before.stream().filter(s -> s.text().strip().equals(sentence)).findFirst().orElse(null);
            Draft.Statement statement = kept != null ? kept
                    : new Draft.Statement("edit-" + n, sentence, "lead", citing(sentence, facts, language), Draft.Statement.UNCHECKED, null);
            checked.add(check(statement, facts, language));
        }
        return checked;
    }

    /** The sentences of a text: split after . ! ? … and at line breaks; blank ones dropped. */
    public static List<String> sentences(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(SENTENCE_END.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> citing(String sentence, List<Draft.Fact> facts, String language) {
        Set<String> ids = new LinkedHashSet<>();
        for (String token : ClaimTokens.of(sentence, language)) {
            facts.stream().filter(f -> carries(f, token)).findFirst().ifPresent(f -> ids.add(f.id()));
        }
        return List.copyOf(ids);
    }

    static boolean carries(Draft.Fact fact, String token) {
        String value = fact.value() == null ? "" : fact.value();
        if (token.chars().allMatch(Character::isDigit)) {
            Matcher number = NUMBER.matcher(value);
            while (number.find()) {
                if (ClaimTokens.digits(number.group()).equals(token)) {
                    return true;
                }
            }
            return false;
        }
        String folded = ClaimTokens.fold(value);
        if (token.contains(".") || token.contains("@")) {
            return folded.contains(bare(token)) || (fact.sourceUrl() != null && ClaimTokens.fold(fact.sourceUrl()).contains(bare(token)));
        }
        // a name is whole between letters only: the "LS" and "AB" of the postcode "LS1 4AB" are words beside digits
        return Pattern.compile("(?<!\\p{L})" + Pattern.quote(token) + "(?!\\p{L})").matcher(folded).find();
    }

    private static String bare(String address) {
        return address.replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/$", "");
    }

    private static Draft.Statement with(Draft.Statement s, String status, String reason) {
        return new Draft.Statement(s.id(), s.text(), s.about(), s.factIds(), status, reason);
    }
}
