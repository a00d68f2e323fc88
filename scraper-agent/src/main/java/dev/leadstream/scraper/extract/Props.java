package dev.leadstream.scraper.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A schema.org item as JSON-LD, microdata or RDFa Lite present it: its types, the text values of
 * a property, and the nested items of a property. One reader maps all three onto a profile.
 */
interface Props {

    /** Simple type names, lower-case: {@code https://schema.org/Dentist} gives {@code dentist}. */
    Set<String> types();

    List<String> texts(String property);

    List<Props> items(String property);

    default String text(String property) {
        List<String> values = texts(property);
        return values.isEmpty() ? null : values.getFirst();
    }

    static Set<String> simpleTypes(String typeList) {
        return java.util.Arrays.stream(typeList.trim().split("\\s+"))
                .filter(t -> !t.isBlank())
                .map(t -> t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
