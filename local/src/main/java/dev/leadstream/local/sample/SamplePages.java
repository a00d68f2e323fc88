package dev.leadstream.local.sample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a sample business's pages in its markup style, and the directory that lists them. */
public final class SamplePages {

    private SamplePages() {
    }

    public static String home(SampleBusiness b) {
        String head = "<title>" + b.name() + " | " + b.city() + "</title>"
                + "<meta name=\"description\" content=\"" + b.description() + "\">"
                + "<meta property=\"og:title\" content=\"" + b.name() + "\">";
        String body = switch (b.markup()) {
            case JSON_LD -> "<h1>" + b.name() + "</h1><p>" + b.description() + "</p>"
                    + "<footer><a href=\"mailto:" + b.email() + "\">Email us</a> · "
                    + "<a href=\"tel:" + b.phone().replace(" ", "") + "\">" + b.phone() + "</a></footer>";
            case MICRODATA -> "<div itemscope itemtype=\"https://schema.org/LocalBusiness\">"
                    + "<h1 itemprop=\"name\">" + b.name() + "</h1>"
                    + "<p itemprop=\"description\">" + b.description() + "</p>"
                    + "<div itemprop=\"address\" itemscope itemtype=\"https://schema.org/PostalAddress\">"
                    + "<span itemprop=\"streetAddress\">" + b.street() + "</span>, "
                    + "<span itemprop=\"addressLocality\">" + b.city() + "</span> "
                    + "<span itemprop=\"postalCode\">" + b.postcode() + "</span></div>"
                    + "<span itemprop=\"telephone\">" + b.phone() + "</span> "
                    + "<a itemprop=\"email\" href=\"mailto:" + b.email() + "\">" + b.email() + "</a></div>";
            case PLAIN_CONTACT_PAGE -> "<h1>" + b.name() + "</h1><p>" + b.description() + "<div><table><tr><td>Fresh"
                    + "<nav><a href=\"/about\">About</a> <a href=\"/contact\">Contact us</a></nav>";
            case RDFA -> "<div vocab=\"https://schema.org/\" typeof=\"LocalBusiness\">"
                    + "<h1 property=\"name\">" + b.name() + "</h1>"
                    + "<p property=\"description\">" + b.description() + "</p>"
                    + "<div property=\"address\" typeof=\"PostalAddress\">"
                    + "<span property=\"streetAddress\">" + b.street() + "</span>, "
                    + "<span property=\"addressLocality\">" + b.city() + "</span> "
                    + "<span property=\"postalCode\">" + b.postcode() + "</span></div>"
                    + "Phone: <span property=\"telephone\">" + b.phone() + "</span> "
                    + "<a property=\"email\" href=\"mailto:" + b.email() + "\">Write to us</a>"
                    + "<meta property=\"foundingDate\" content=\"1987\"></div>";
        };
        String jsonLd = b.markup() == SampleBusiness.Markup.JSON_LD ? jsonLd(b) : "";
        String[] stack = stackOf(b);
        return page(head + jsonLd + stack[0], body + "<p><a href=\"" + b.instagram() + "\">Instagram</a></p>" + stack[1]
                + companyLinks(b));
    }

    /** Links to the pages that say how big the business is; every site has a team and a careers page. */
    private static String companyLinks(SampleBusiness b) {
        return "<nav class=\"company\"><a href=\"/team\">Meet the team</a> · <a href=\"/careers\">Careers</a>"
                + (branches(b).isEmpty() ? "" : " · <a href=\"/locations\">Our shops</a>") + "</nav>";
    }

    private static final String[][] PEOPLE = {{"Ada Finch", "Owner"}, {"Ben Carter", "Manager"}, {"Chloe Grant", "Head baker"},
            {"Dev Patel", "Barista"}, {"Ella Moss", "Assistant"}, {"Finn Walsh", "Apprentice"}, {"Grace Lowe", "Bookkeeper"},
            {"Hugo Reed", "Driver"}};
    private static final String[] ROLES = {"Weekend assistant", "Apprentice", "Delivery driver"};
    /** House numbers above those of {@link SampleBusinesses}' streets, so a branch is never the main premises. */
    private static final String[] BRANCH_STREETS = {"204 Park Row", "227 Station Road"};

    /** How many people the team page presents, 3 to 8. */
    public static int teamSize(SampleBusiness b) {
        return 3 + Math.floorMod(b.slug().hashCode(), 6);
    }

    /** The jobs the careers page advertises; none for some businesses, whose page says so. */
    public static List<String> openRoles(SampleBusiness b) {
        return List.of(ROLES).subList(0, Math.floorMod(b.slug().hashCode() / 7, 3));
    }

    /** The other premises the business names on a locations page; most have none. */
    public static List<String> branches(SampleBusiness b) {
        return Math.floorMod(b.slug().hashCode() / 3, 3) == 0 ? List.of(BRANCH_STREETS) : List.of();
    }

    /** The team, as microdata people with job titles, and a sentence stating the headcount. */
    public static String team(SampleBusiness b) {
        StringBuilder people = new StringBuilder();
        for (String[] person : List.of(PEOPLE).subList(0, teamSize(b))) {
            people.append("<li itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">").append(person[0])
                    .append("</span>, <span itemprop=\"jobTitle\">").append(person[1]).append("</span></li>");
        }
        return page("<title>Meet the team | " + b.name() + "</title>", "<h1>Meet the team</h1><p>We are a team of "
                + teamSize(b) + " who love what we do.</p><ul>" + people + "</ul>");
    }

    /** Open jobs as schema.org JobPosting JSON-LD, or a page saying there are none. */
    public static String careers(SampleBusiness b) {
        List<String> roles = openRoles(b);
        if (roles.isEmpty()) {
            return page("<title>Careers | " + b.name() + "</title>", "<h1>Careers</h1><p>No vacancies right now.</p>");
        }
        StringBuilder postings = new StringBuilder();
        for (String role : roles) {
            postings.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\","
                    + "\"title\":\"").append(role).append("\",\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"")
                    .append(b.name()).append("\"},\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\","
                    + "\"addressLocality\":\"").append(b.city()).append("\"}}}</script>");
        }
        return page("<title>Careers | " + b.name() + "</title>" + postings, "<h1>Careers</h1><p>We are hiring: "
                + String.join(", ", roles) + ".</p>");
    }

    /** Every premises, the main one first, each a schema.org LocalBusiness with its address. */
    public static String locations(SampleBusiness b) {
        StringBuilder shops = new StringBuilder();
        List<String> streets = new ArrayList<>(List.of(b.street()));
        streets.addAll(branches(b));
        for (String street : streets) {
            shops.append("<div itemscope itemtype=\"https://schema.org/LocalBusiness\"><h2 itemprop=\"name\">").append(b.name())
                    .append("</h2><div itemprop=\"address\" itemscope itemtype=\"https://schema.org/PostalAddress\">"
                            + "<span itemprop=\"streetAddress\">").append(street).append("</span>, <span itemprop=\"addressLocality\">")
                    .append(b.city()).append("</span></div></div>");
        }
        return page("<title>Our shops | " + b.name() + "</title>", "<h1>Our shops</h1>" + shops);
    }

    /**
     * What the site is built with, as {head, body}: a CMS or shop, a booking or ordering link, tags
     * and chat, so enrichment has technology to recognise. Third-party scripts wait for consent
     * ({@code type="text/plain"}), as on many real sites, so no browser ever loads them.
     */
    static String[] stackOf(SampleBusiness b) {
        String viewport = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
        return switch (Math.floorMod(b.slug().hashCode(), 4)) {
            case 0 -> new String[]{"<meta name=\"generator\" content=\"WordPress 6.6.2\">" + viewport
                    + "<link rel=\"stylesheet\" href=\"/wp-content/themes/local/style.css\">"
                    + "<link rel=\"stylesheet\" href=\"/wp-content/plugins/woocommerce/assets/css/woocommerce.css\">"
                    + "<script type=\"text/plain\" data-consent=\"analytics\" src=\"https://www.googletagmanager.com/gtag/js?id=G-"
                    + b.slug().length() + "X\"></script>",
                    "<p><a href=\"https://www.opentable.co.uk/r/" + b.slug() + "\">Book a table</a></p>"};
            case 1 -> new String[]{viewport + "<script type=\"text/plain\" data-consent=\"necessary\" "
                    + "src=\"https://cdn.shopify.com/s/trekkie.storefront.min.js\"></script>"
                    + "<script type=\"text/plain\" data-consent=\"marketing\">!function(f,b,e,v){t=b.createElement(e);"
                    + "t.src='https://connect.facebook.net/en_US/fbevents.js'}(window,document,'script');</script>",
                    "<p><a href=\"https://" + b.slug() + ".myshopify.com/collections/all\">Shop online</a></p>"};
            case 2 -> new String[]{"<meta name=\"generator\" content=\"Wix.com Website Builder\">"
                    + "<script type=\"text/plain\" data-consent=\"functional\" src=\"https://embed.tawk.to/"
                    + b.slug() + "/default\"></script>",
                    "<p><a href=\"https://calendly.com/" + b.slug() + "/visit\">Book a visit</a></p>"};
            default -> new String[]{"<meta name=\"generator\" content=\"Squarespace\">" + viewport,
                    "<p><a href=\"https://deliveroo.co.uk/menu/" + b.city().toLowerCase(Locale.ROOT) + "/" + b.slug()
                            + "\">Order on Deliveroo</a> · <a href=\"https://wa.me/" + b.phone().replaceAll("[^0-9]", "")
                            + "\">WhatsApp us</a></p>"};
        };
    }

    public static String contact(SampleBusiness b) {
        String user = b.email().substring(0, b.email().indexOf('@'));
        String domain = b.email().substring(b.email().indexOf('@') + 1);
        // written the way small sites hide addresses from harvesters
        return page("<title>Contact " + b.name() + "</title>",
                "<h1>Contact</h1><p>Write to " + user + " [at] " + domain.replace(".", " [dot] ") + "</p>"
                        + "<p>Call " + b.phone() + "</p><address>" + b.address() + "</address>");
    }

    /**
     * The business's page as a script-built single-page app: without running the script there is
     * no name, email or phone in it, so it shows whether a crawler rendered JavaScript.
     */
    public static String scripted(SampleBusiness b) {
        String user = b.email().substring(0, b.email().indexOf('@'));
        String domain = b.email().substring(b.email().indexOf('@') + 1);
        return page("<title>Loading</title>", "<noscript>This site needs JavaScript.</noscript><div id=\"app\"></div>"
                + "<script>var email = ['" + user + "', '" + domain + "'].join(String.fromCharCode(64));"
                + "document.title = '" + b.name().replace("'", "\\'") + "';"
                + "document.getElementById('app').innerHTML = '<h1>" + b.name().replace("'", "\\'") + "</h1>'"
                + " + '<p><a href=\"mailto:' + email + '\">' + email + '</a></p>'"
                + " + '<p>Call " + b.phone() + "</p>';</script>");
    }

    /** One page of the directory; entries are {name, url, city}. */
    public static String directory(List<String[]> entries, int page, int pageSize) {
        StringBuilder list = new StringBuilder("<header><nav><a href=\"/\">Home</a> <a href=\"https://www.example.com/about\">About the directory</a></nav></header>"
                + "<h1>Local business directory</h1><ul class=\"listings\">");
        int from = page * pageSize;
        int to = Math.min(from + pageSize, entries.size());
        for (String[] e : entries.subList(Math.min(from, to), to)) {
            list.append("<li class=\"listing\"><a class=\"business\" href=\"").append(e[1]).append("\">")
                    .append(e[0]).append("</a> · ").append(e[2]).append("</li>");
        }
        list.append("</ul>");
        if (to < entries.size()) {
            list.append("<a rel=\"next\" href=\"/?page=").append(page + 1).append("\">Next</a>");
        }
        return page("<title>Directory</title>", list + "<footer><a href=\"https://www.example.org/\">Powered by a CMS</a></footer>");
    }

    /** The directory's sitemap: its listing pages. */
    public static String sitemap(String host, int port, int pages) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int page = 0; page < pages; page++) {
            xml.append("<url><loc>http://").append(host).append(':').append(port).append("/?page=").append(page)
                    .append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }

    /** When the home page last changed: a fixed day of 2026 for each business, as an HTTP date. */
    public static String lastModified(SampleBusiness b) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(LocalDate.of(2026, 1, 1)
                .plusDays(Math.floorMod(b.slug().hashCode(), 300)).atTime(9, 30).atZone(ZoneOffset.UTC));
    }

    private static String jsonLd(SampleBusiness b) {
        return "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LocalBusiness\","
                + "\"name\":\"" + b.name() + "\",\"email\":\"" + b.email() + "\",\"telephone\":\"" + b.phone() + "\","
                + "\"description\":\"" + b.description() + "\",\"sameAs\":[\"" + b.instagram() + "\"],"
                + "\"openingHours\":\"Mo-Sa 08:00-17:00\",\"foundingDate\":\"2004-05-01\",\"priceRange\":\"££\","
                + "\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":\"" + b.street() + "\","
                + "\"addressLocality\":\"" + b.city() + "\",\"postalCode\":\"" + b.postcode() + "\","
                + "\"addressCountry\":\"" + b.country() + "\"}}</script>";
    }

    private static String page(String head, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head><body>"
                + body + "</body></html>";
    }
}
