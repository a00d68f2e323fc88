package dev.leadstream.local.sample;

import java.util.List;
import java.util.Random;

/**
 * A country the sample businesses are in: the language their sites are written in, their cities
 * with postcodes and telephone ranges, the streets they are on and how an address is written
 * there. In a postcode or phone template each {@code #} becomes a digit from 1 to 9.
 */
enum SampleCountry {

    /** Ofcom's ranges for drama: valid numbers that never ring anyone. */
    GB("en", "co.uk", "£", true, List.of(
            new City("Leeds", "LS1 #AB", "+44 113 496 0###"), new City("Sheffield", "S1 #AB", "+44 114 496 0###"),
            new City("Manchester", "M1 #AB", "+44 161 496 0###"), new City("Bristol", "BS1 #AB", "+44 117 496 0###")),
            List.of("Mill Lane", "High Street", "Station Road", "Church Street", "Park Row")),
    /** The Bundesnetzagentur's numbers for media productions (Amtsblatt 7/2021, Mitteilung 148/2021), never switched. */
    DE("de", "de", "€", false, List.of(
            new City("Köln", "5067#", "+49 221 4710 ###"), new City("Berlin", "1011#", "+49 30 23125 ###")),
            List.of("Hauptstraße", "Bahnhofstraße", "Kirchstraße", "Lindenallee", "Marktstraße")),
    /**
     * The Netherlands keeps no range for fiction. A subscriber number never starts with 0 there (it
     * is the trunk prefix), so 030 000 … and 020 000 … pass libphonenumber's checks, yet no one can
     * hold them.
     */
    NL("nl", "nl", "€", false, List.of(
            new City("Utrecht", "351# AB", "+31 30 000 0###"), new City("Amsterdam", "101# AB", "+31 20 000 0###")),
            List.of("Kerkstraat", "Molenstraat", "Stationsweg", "Dorpsstraat", "Lindelaan")),
    /**
     * Blocks ARCEP keeps out of allocation for fiction, 04 65 71 (south-east) and 02 61 91 (west),
     * as we know them; not checked against the numbering plan's text here.
     */
    FR("fr", "fr", "€", true, List.of(
            new City("Lyon", "6900#", "+33 4 65 71 ## ##"), new City("Nantes", "44000", "+33 2 61 91 ## ##")),
            List.of("rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "place du Marché", "rue des Tanneurs"));

    record City(String name, String postcode, String phone) {
    }

    final String language;
    /** The top-level domain of the country's sites of booking and delivery services. */
    final String webDomain;
    final String currency;
    private final boolean numberFirst;
    final List<City> cities;
    final List<String> streets;

    SampleCountry(String language, String webDomain, String currency, boolean numberFirst, List<City> cities,
                  List<String> streets) {
        this.language = language;
        this.webDomain = webDomain;
        this.currency = currency;
        this.numberFirst = numberFirst;
        this.cities = cities;
        this.streets = streets;
    }

    /** "12 Mill Lane", "Hauptstraße 12", "12 rue Victor Hugo". */
    String street(int number, String street) {
        return numberFirst ? number + " " + street : street + " " + number;
    }

    /** One line as a letter would carry it: the postcode after the town in Britain, before it elsewhere. */
    String address(String street, String postcode, String city) {
        return street + ", " + (this == GB ? city + " " + postcode : postcode + " " + city);
    }

    static String fill(String template, Random random) {
        StringBuilder filled = new StringBuilder();
        for (char c : template.toCharArray()) {
            filled.append(c == '#' ? (char) ('1' + random.nextInt(9)) : c);
        }
        return filled.toString();
    }
}
