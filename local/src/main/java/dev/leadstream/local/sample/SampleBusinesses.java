package dev.leadstream.local.sample;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates N realistic sample businesses, the same N for the same seed: in Britain, Germany, the
 * Netherlands and France, each named, described and addressed the way its country does.
 */
public final class SampleBusinesses {

    private static final List<String> SECTORS = List.of("bakery", "dentist", "brewery", "florist", "cafe", "bookshop");
    /**
     * The countries' turns, twelve businesses at a time: three each, each with three sectors and
     * three markup styles, all four among the first seven. The first two bakeries (the first and the
     * seventh business) are both British, so the lookalike between them is not asked across
     * languages, which the English embedding model cannot see (similarity 0.65 within English,
     * 0.35-0.44 from an English bakery to a German, Dutch or French one).
     */
    private static final List<SampleCountry> TURNS = List.of(SampleCountry.GB, SampleCountry.DE, SampleCountry.NL,
            SampleCountry.FR, SampleCountry.NL, SampleCountry.FR, SampleCountry.GB, SampleCountry.NL, SampleCountry.DE,
            SampleCountry.GB, SampleCountry.FR, SampleCountry.DE);

    private SampleBusinesses() {
    }

    public static List<SampleBusiness> generate(int count, long seed) {
        Random random = new Random(seed);
        SampleBusiness.Markup[] markups = SampleBusiness.Markup.values();
        List<SampleBusiness> businesses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sector = SECTORS.get(i % SECTORS.size());
            SampleCountry country = TURNS.get(i % TURNS.size());
            SampleText text = SampleText.of(country.language);
            SampleCountry.City city = country.cities.get(random.nextInt(country.cities.size()));
            List<String> names = text.list("names");
            String suffix = i < SECTORS.size() * names.size() ? "" : " " + (i / (SECTORS.size() * names.size()) + 1);
            String name = text.get("sector." + sector, "name", names.get((i / SECTORS.size()) % names.size())) + suffix;
            String slug = slug(name);
            businesses.add(new SampleBusiness(slug, name, sector, city.name(),
                    country.street(1 + random.nextInt(120), country.streets.get(random.nextInt(country.streets.size()))),
                    SampleCountry.fill(city.postcode(), random), country.name(), country.language,
                    text.list("email.users").get(i % 2) + "@" + slug + ".test", SampleCountry.fill(city.phone(), random),
                    text.get("description." + sector), "https://www.instagram.com/" + slug.replace("-", ""),
                    markups[i % markups.length]));
        }
        return businesses;
    }

    /** "baeckerei-krueger" for "Bäckerei Krüger", "boulangerie-du-chene" for "Boulangerie du Chêne": a host name. */
    static String slug(String name) {
        String transliterated = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return Normalizer.normalize(transliterated, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
