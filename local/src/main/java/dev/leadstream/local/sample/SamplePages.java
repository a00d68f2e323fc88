package dev.leadstream.local.sample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes a sample business's pages in its markup style, and the directory that lists them. */
public final class SamplePages {

    private SamplePages() {
    }

    public static String home(SampleBusiness b) {
        SampleText text = text(b);
        String head = "<title>" + b.name() + " | " + b.city() + "</title>"
                + "<meta name=\"description\" content=\"" + b.description() + "\">"
                + "<meta property=\"og:title\" content=\"" + b.name() + "\">";
        String body = switch (b.markup()) {
            case JSON_LD -> "<h1>" + b.name() + "</h1><p>" + b.description() + "</p>"
                    + "<p><a href=\"mailto:" + b.email() + "\">" + text.get("home.email") + "</a> · "
                    + "<a href=\"tel:" + b.phone().replace(" ", "") + "\">" + b.phone() + "</a></p>";
            case MICRODATA -> "<div itemscope itemtype=\"https://schema.org/LocalBusiness\">"
                    + "<h1 itemprop=\"name\">" + b.name() + "</h1>"
                    + "<p itemprop=\"description\">" + b.description() + "</p>"
                    + "<div itemprop=\"address\" itemscope itemtype=\"https://schema.org/PostalAddress\">"
                    + "<span itemprop=\"streetAddress\">" + b.street() + "</span>, "
                    + "<span itemprop=\"addressLocality\">" + b.city() + "</span> "
                    + "<span itemprop=\"postalCode\">" + b.postcode() + "</span></div>"
                    + "<span itemprop=\"telephone\">" + b.phone() + "</span> "
                    + "<a itemprop=\"email\" href=\"mailto:" + b.email() + "\">" + b.email() + "</a></div>";
            case PLAIN_CONTACT_PAGE -> "<h1>" + b.name() + "</h1><p>" + b.description() + "<div><table><tr><td>"
                    + text.get("home.welcome") + "<nav><a href=\"/about\">" + text.get("nav.about") + "</a> "
                    + "<a href=\"/contact\">" + text.get("nav.contact") + "</a></nav>";
            case RDFA -> "<div vocab=\"https://schema.org/\" typeof=\"LocalBusiness\">"
                    + "<h1 property=\"name\">" + b.name() + "</h1>"
                    + "<p property=\"description\">" + b.description() + "</p>"
                    + "<div property=\"address\" typeof=\"PostalAddress\">"
                    + "<span property=\"streetAddress\">" + b.street() + "</span>, "
                    + "<span property=\"addressLocality\">" + b.city() + "</span> "
                    + "<span property=\"postalCode\">" + b.postcode() + "</span></div>"
                    + text.get("home.phone") + " <span property=\"telephone\">" + b.phone() + "</span> "
                    + "<a property=\"email\" href=\"mailto:" + b.email() + "\">" + text.get("home.email") + "</a>"
                    + "<meta property=\"foundingDate\" content=\"1987\"></div>";
        };
        String jsonLd = b.markup() == SampleBusiness.Markup.JSON_LD ? jsonLd(b) : "";
        String[] stack = stackOf(b);
        return page(b, head + jsonLd + stack[0], body + about(b, text)
                + "<p><a href=\"" + b.instagram() + "\">Instagram</a></p>" + stack[1] + companyLinks(b)
                + "<footer>© " + b.name() + " · " + text.get("footer") + "</footer>");
    }

    /** Who the business is and when it opens, as visitors read it; no contact details, so markup styles stay apart. */
    private static String about(SampleBusiness b, SampleText text) {
        return "<section id=\"about\"><h2>" + text.get("about.heading") + "</h2><p>"
                + text.get("about.text", "name", b.name(), "city", b.city()) + "</p>"
                + "<h2>" + text.get("hours.heading") + "</h2><p>" + text.get("hours.text") + "</p></section>";
    }

    /** Links to the pages that say how big the business is; every site has a team and a careers page. */
    private static String companyLinks(SampleBusiness b) {
        SampleText text = text(b);
        return "<nav class=\"company\"><a href=\"/team\">" + text.get("company.team") + "</a> · <a href=\"/careers\">"
                + text.get("company.careers") + "</a>"
                + (branches(b).isEmpty() ? "" : " · <a href=\"/locations\">" + text.get("company.locations") + "</a>") + "</nav>";
    }

    /** How many people the team page presents, 3 to 8. */
    public static int teamSize(SampleBusiness b) {
        return 3 + Math.floorMod(b.slug().hashCode(), 6);
    }

    /** The jobs the careers page advertises, in the site's language; none for some businesses, whose page says so. */
    public static List<String> openRoles(SampleBusiness b) {
        return text(b).list("careers.roles").subList(0, Math.floorMod(b.slug().hashCode() / 7, 3));
    }

    /**
     * The other premises the business names on a locations page; most have none. House numbers
     * above those of {@link SampleBusinesses}' streets, so a branch is never the main premises.
     */
    public static List<String> branches(SampleBusiness b) {
        SampleCountry country = SampleCountry.valueOf(b.country());
        return Math.floorMod(b.slug().hashCode() / 3, 3) == 0
                ? List.of(country.street(204, country.streets.get(4)), country.street(227, country.streets.get(2))) : List.of();
    }

    /** How the team page states the headcount, "a team of 5", "ein Team von 5": the words an extractor quotes. */
    public static String headcount(SampleBusiness b) {
        return text(b).get("team.headcount", "count", Integer.toString(teamSize(b)));
    }

    /** The team, as microdata people with job titles, and a sentence stating the headcount. */
    public static String team(SampleBusiness b) {
        SampleText text = text(b);
        List<String> names = text.list("team.people");
        List<String> titles = text.list("team.titles");
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < teamSize(b); i++) {
            people.append("<li itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">").append(names.get(i))
                    .append("</span>, <span itemprop=\"jobTitle\">").append(titles.get(i)).append("</span></li>");
        }
        String heading = text.get("company.team");
        return page(b, "<title>" + heading + " | " + b.name() + "</title>", "<h1>" + heading + "</h1><p>"
                + text.get("team.intro", "headcount", headcount(b)) + "</p><ul>" + people + "</ul>");
    }

    /** Open jobs as schema.org JobPosting JSON-LD, or a page saying there are none. */
    public static String careers(SampleBusiness b) {
        SampleText text = text(b);
        String heading = text.get("company.careers");
        String title = "<title>" + heading + " | " + b.name() + "</title>";
        List<String> roles = openRoles(b);
        if (roles.isEmpty()) {
            return page(b, title, "<h1>" + heading + "</h1><p>" + text.get("careers.none") + "</p>");
        }
        StringBuilder postings = new StringBuilder();
        for (String role : roles) {
            postings.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\","
                    + "\"title\":\"").append(role).append("\",\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"")
                    .append(b.name()).append("\"},\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\","
                    + "\"addressLocality\":\"").append(b.city()).append("\"}}}</script>");
        }
        return page(b, title + postings, "<h1>" + heading + "</h1><p>"
                + text.get("careers.hiring", "roles", String.join(", ", roles)) + "</p>");
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
        String heading = text(b).get("company.locations");
        return page(b, "<title>" + heading + " | " + b.name() + "</title>", "<h1>" + heading + "</h1>" + shops);
    }

    /**
     * What the site is built with, as {head, body}: a CMS or shop, a booking or ordering link, tags
     * and chat, so enrichment has technology to recognise. Third-party scripts wait for consent
     * ({@code type="text/plain"}), as on many real sites, so no browser ever loads them.
     */
    static String[] stackOf(SampleBusiness b) {
        SampleText text = text(b);
        String web = SampleCountry.valueOf(b.country()).webDomain;
        String viewport = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
        return switch (Math.floorMod(b.slug().hashCode(), 4)) {
            case 0 -> new String[]{"<meta name=\"generator\" content=\"WordPress 6.6.2\">" + viewport
                    + "<link rel=\"stylesheet\" href=\"/wp-content/themes/local/style.css\">"
                    + "<link rel=\"stylesheet\" href=\"/wp-content/plugins/woocommerce/assets/css/woocommerce.css\">"
                    + "<script type=\"text/plain\" data-consent=\"analytics\" src=\"https://www.googletagmanager.com/gtag/js?id=G-"
                    + b.slug().length() + "X\"></script>",
                    "<p><a href=\"https://www.opentable." + web + "/r/" + b.slug() + "\">" + text.get("stack.book") + "</a></p>"};
            case 1 -> new String[]{viewport + "<script type=\"text/plain\" data-consent=\"necessary\" "
                    + "src=\"https://cdn.shopify.com/s/trekkie.storefront.min.js\"></script>"
                    + "<script type=\"text/plain\" data-consent=\"marketing\">!function(f,b,e,v){t=b.createElement(e);"
                    + "t.src='https://connect.facebook.net/" + b.language() + "_" + b.country() + "/fbevents.js'}"
                    + "(window,document,'script');</script>",
                    "<p><a href=\"https://" + b.slug() + ".myshopify.com/collections/all\">" + text.get("stack.shop") + "</a></p>"};
            case 2 -> new String[]{"<meta name=\"generator\" content=\"Wix.com Website Builder\">"
                    + "<script type=\"text/plain\" data-consent=\"functional\" src=\"https://embed.tawk.to/"
                    + b.slug() + "/default\"></script>",
                    "<p><a href=\"https://calendly.com/" + b.slug() + "/visit\">" + text.get("stack.visit") + "</a></p>"};
            default -> new String[]{"<meta name=\"generator\" content=\"Squarespace\">" + viewport,
                    "<p><a href=\"https://deliveroo." + web + "/menu/" + SampleBusinesses.slug(b.city()) + "/" + b.slug()
                            + "\">" + text.get("stack.order") + "</a> · <a href=\"https://wa.me/" + b.phone().replaceAll("[^0-9]", "")
                            + "\">" + text.get("stack.chat") + "</a></p>"};
        };
    }

    public static String contact(SampleBusiness b) {
        String user = b.email().substring(0, b.email().indexOf('@'));
        String domain = b.email().substring(b.email().indexOf('@') + 1);
        SampleText text = text(b);
        // written the way small sites hide addresses from harvesters
        return page(b, "<title>" + b.name() + " | " + text.get("contact.heading") + "</title>",
                "<h1>" + text.get("contact.heading") + "</h1><p>" + text.get("contact.write") + " " + user + " [at] "
                        + domain.replace(".", " [dot] ") + "</p>"
                        + "<p>" + text.get("contact.call") + " " + b.phone() + "</p><address>" + b.address() + "</address>");
    }

    /**
     * The business's page as a script-built single-page app: without running the script there is
     * no name, email or phone in it, so it shows whether a crawler rendered JavaScript.
     */
    public static String scripted(SampleBusiness b) {
        String user = b.email().substring(0, b.email().indexOf('@'));
        String domain = b.email().substring(b.email().indexOf('@') + 1);
        SampleText text = text(b);
        return page(b, "<title>" + text.get("app.loading") + "</title>", "<noscript>" + text.get("app.noscript")
                + "</noscript><div id=\"app\"></div>"
                + "<script>var email = ['" + user + "', '" + domain + "'].join(String.fromCharCode(64));"
                + "document.title = '" + b.name().replace("'", "\\'") + "';"
                + "document.getElementById('app').innerHTML = '<h1>" + b.name().replace("'", "\\'") + "</h1>'"
                + " + '<p><a href=\"mailto:' + email + '\">' + email + '</a></p>'"
                + " + '<p>" + text.get("contact.call") + " " + b.phone() + "</p>';</script>");
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
        return page("en", "<title>Directory</title>", list + "<footer><a href=\"https://www.example.org/\">Powered by a CMS</a></footer>");
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
                + "\"openingHours\":\"Mo-Sa 08:00-17:00\",\"foundingDate\":\"2004-05-01\",\"priceRange\":\""
                + SampleCountry.valueOf(b.country()).currency.repeat(2) + "\","
                + "\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":\"" + b.street() + "\","
                + "\"addressLocality\":\"" + b.city() + "\",\"postalCode\":\"" + b.postcode() + "\","
                + "\"addressCountry\":\"" + b.country() + "\"}}</script>";
    }

    private static SampleText text(SampleBusiness b) {
        return SampleText.of(b.language());
    }

    private static String page(SampleBusiness b, String head, String body) {
        return page(b.language(), head, body);
    }

    private static String page(String language, String head, String body) {
        return "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">" + head + "</head><body>"
                + body + "</body></html>";
    }
}
