package dev.leadstream.local.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Generates N realistic sample businesses, the same N for the same seed. */
public final class SampleBusinesses {

    private static final String[][] SECTORS = {
            {"bakery", "Bakery", "Sourdough loaves, pastries and celebration cakes baked every morning."},
            {"dentist", "Dental Care", "Family dentistry, hygienist appointments and emergency care."},
            {"brewery", "Brewing Co", "Small-batch craft beer brewed on site, with a taproom open at weekends."},
            {"florist", "Flowers", "Seasonal bouquets, wedding flowers and same-day local delivery."},
            {"cafe", "Coffee House", "Specialty coffee roasted in-house, breakfast and brunch all day."},
            {"bookshop", "Books", "An independent bookshop with author events and a children's corner."},
    };
    private static final String[] NAMES = {"Rose", "Oak", "Harbour", "Meadow", "Linden", "Copper", "Willow",
            "Granite", "Juniper", "Amber", "Birch", "Cedar", "Hazel", "Maple", "Rowan", "Saffron"};
    /** Ofcom's ranges for drama: valid numbers that never ring anyone. */
    private static final String[][] CITIES = {
            {"Leeds", "LS1", "GB", "+44 113 496 0"}, {"Sheffield", "S1", "GB", "+44 114 496 0"},
            {"Manchester", "M1", "GB", "+44 161 496 0"}, {"Bristol", "BS1", "GB", "+44 117 496 0"}};
    private static final String[] STREETS = {"Mill Lane", "High Street", "Station Road", "Church Street", "Park Row"};

    private SampleBusinesses() {
    }

    public static List<SampleBusiness> generate(int count, long seed) {
        Random random = new Random(seed);
        List<SampleBusiness> businesses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] sector = SECTORS[i % SECTORS.length];
            String[] city = CITIES[random.nextInt(CITIES.length)];
            String first = NAMES[(i / SECTORS.length) % NAMES.length];
            String suffix = i < SECTORS.length * NAMES.length ? "" : " " + (i / (SECTORS.length * NAMES.length) + 1);
            String name = first + " " + sector[1] + suffix;
            String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            String handle = slug.replace("-", "");
            businesses.add(new SampleBusiness(slug, name, sector[0], city[0],
                    (1 + random.nextInt(120)) + " " + STREETS[random.nextInt(STREETS.length)],
                    city[1] + " " + (1 + random.nextInt(9)) + "AB", city[2],
                    (i % 2 == 0 ? "hello@" : "info@") + slug + ".test",
                    city[3] + String.format("%03d", random.nextInt(1000)),
                    sector[2], "https://www.instagram.com/" + handle,
                    SampleBusiness.Markup.values()[i % SampleBusiness.Markup.values().length]));
        }
        return businesses;
    }
}
