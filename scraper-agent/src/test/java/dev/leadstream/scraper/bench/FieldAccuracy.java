package dev.leadstream.scraper.bench;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.RawLead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
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

    private record Field(String name, Function<RawLead, List<FieldValue>> values, BiPredicate<SampleBusiness, String> isTrue) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("name", l -> one(l.name()), (b, v) -> v.equals(b.name())),
            new Field("email", RawLead::emails, (b, v) -> v.equals(b.email())),
            new Field("phone (E.164)", RawLead::phones, (b, v) -> v.equals(b.phone().replace(" ", ""))),
            new Field("address", l -> one(l.address()),
                    (b, v) -> v.contains(b.street()) && v.contains(b.city()) && v.contains(b.postcode())),
            new Field("description", l -> one(l.description()), (b, v) -> v.equals(b.description())),
            new Field("social profile", RawLead::socialProfiles, (b, v) -> v.equals(b.instagram())));

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
            scores.put(field.name(), new Score(extracted, correct, truth.size()));
        }
        return scores;
    }

    private static List<FieldValue> one(FieldValue value) {
        return Stream.ofNullable(value).toList();
    }
}
