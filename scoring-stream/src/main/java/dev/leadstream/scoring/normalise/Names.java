package dev.leadstream.scoring.normalise;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Business names reduced to a form two spellings of one business share. */
public final class Names {

    private static final Set<String> NOISE = Set.of("the", "ltd", "limited", "llc", "inc", "gmbh", "co", "company",
            "plc", "sl", "sa", "srl", "bv");

    private Names() {
    }

    /** "The Rose Bakery Ltd." and "rose bakery" both give "rose bakery". */
    public static String normalised(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ");
        return Arrays.stream(plain.trim().split(" ")).filter(w -> !w.isEmpty() && !NOISE.contains(w))
                .collect(Collectors.joining(" "));
    }
}
