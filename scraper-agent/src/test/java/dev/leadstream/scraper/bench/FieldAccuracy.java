package dev.leadstream.scraper.bench;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SamplePages;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;
import dev.leadstream.topics.event.RawLead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Precision and recall per extracted field against the sample web's labelled facts. Precision:
 * of the values extracted, how many are true. Recall: of the businesses, how many got their true
 * value. A lead the crawl did not produce counts against recall.
 */
final class FieldAccuracy {

    record Score(int extracted, int correct, int expected) {
        double precision() {
            return extracted == 0 ? 0 : (double) correct / extracted;
        }

        double recall() {
            return expected == 0 ? 0 : (double) Math.min(correct, expected) / expected;
        }
    }

    /** A field; {@code stated} says which businesses' pages state it, so recall counts only those. */
    private record Field(String name, Function<RawLead, List<FieldValue>> values, BiPredicate<SampleBusiness, String> isTrue,
                         Predicate<SampleBusiness> stated) {
        Field(String name, Function<RawLead, List<FieldValue>> values, BiPredicate<SampleBusiness, String> isTrue) {
            this(name, values, isTrue, b -> true);
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("name", l -> one(l.name()), (b, v) -> v.equals(b.name())),
            new Field("email", RawLead::emails, (b, v) -> v.equals(b.email())),
            new Field("phone (E.164)", RawLead::phones, (b, v) -> v.equals(b.phone().replace(" ", ""))),
            new Field("address", l -> one(l.address()),
                    (b, v) -> v.contains(b.street()) && v.contains(b.city()) && v.contains(b.postcode())),
            new Field("description", l -> one(l.description()), (b, v) -> v.equals(b.description())),
            new Field("social profile", RawLead::socialProfiles, (b, v) -> v.equals(b.instagram())),
            new Field("price range", l -> one(stated(l).priceRange()), (b, v) -> v.equals("££"),
                    b -> b.markup() == SampleBusiness.Markup.JSON_LD),
            new Field("premises (count, when 2+)", l -> premises(stated(l)),
                    (b, v) -> v.equals(Integer.toString(1 + SamplePages.branches(b).size())), b -> !SamplePages.branches(b).isEmpty()),
            new Field("employees", l -> one(stated(l).employees()), (b, v) -> v.equals(SamplePages.headcount(b))),
            new Field("team size", l -> one(stated(l).teamSize()), (b, v) -> v.equals(Integer.toString(SamplePages.teamSize(b)))),
            new Field("open roles", l -> one(stated(l).openRoles()),
                    (b, v) -> v.equals(SamplePages.openRoles(b).size() + ": " + String.join(", ", SamplePages.openRoles(b))),
                    b -> !SamplePages.openRoles(b).isEmpty()));

    private static Firmographics stated(RawLead lead) {
        return lead.firmographics() == null ? new Firmographics(null, List.of(), null, null, null) : lead.firmographics();
    }

    /** Enrichment reports a premises count only from two; one address is no count. */
    private static List<FieldValue> premises(Firmographics stated) {
        return stated.locations().size() < 2 ? List.of()
                : List.of(FieldValue.of(Integer.toString(stated.locations().size()), null, null, 1));
    }

    private FieldAccuracy() {
    }

    static Map<String, Score> of(List<RawLead> leads, List<SampleBusiness> truth) {
        Map<String, RawLead> byId = new LinkedHashMap<>();
        leads.forEach(l -> byId.put(l.leadId(), l));
        Map<String, Score> scores = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            int extracted = 0;
            int correct = 0;
            for (SampleBusiness b : truth) {
                RawLead lead = byId.get(b.host());
                List<String> values = lead == null ? List.of()
                        : field.values().apply(lead).stream().map(FieldValue::value).filter(Objects::nonNull).toList();
                extracted += values.size();
                correct += (int) values.stream().filter(v -> field.isTrue().test(b, v)).count();
            }
            scores.put(field.name(), new Score(extracted, correct, (int) truth.stream().filter(field.stated()).count()));
        }
        return scores;
    }

    private static List<FieldValue> one(FieldValue value) {
        return Stream.ofNullable(value).toList();
    }
}
