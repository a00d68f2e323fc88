package dev.leadstream.local.sample;

import java.util.List;

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
            case PLAIN_CONTACT_PAGE -> "<h1>" + b.name() + "</h1><p>" + b.description() + "</p>"
                    + "<nav><a href=\"/about\">About</a> <a href=\"/contact\">Contact us</a></nav>";
        };
        String jsonLd = b.markup() == SampleBusiness.Markup.JSON_LD ? jsonLd(b) : "";
        return page(head + jsonLd, body + "<p><a href=\"" + b.instagram() + "\">Instagram</a></p>");
    }

    public static String contact(SampleBusiness b) {
        String user = b.email().substring(0, b.email().indexOf('@'));
        String domain = b.email().substring(b.email().indexOf('@') + 1);
        // written the way small sites hide addresses from harvesters
        return page("<title>Contact " + b.name() + "</title>",
                "<h1>Contact</h1><p>Write to " + user + " [at] " + domain.replace(".", " [dot] ") + "</p>"
                        + "<p>Call " + b.phone() + "</p><address>" + b.address() + "</address>");
    }

    public static String directory(List<SampleBusiness> businesses, int page, int pageSize, String port) {
        StringBuilder list = new StringBuilder("<h1>Local business directory</h1><ul class=\"listings\">");
        int from = page * pageSize;
        int to = Math.min(from + pageSize, businesses.size());
        for (SampleBusiness b : businesses.subList(Math.min(from, to), to)) {
            list.append("<li class=\"listing\"><a class=\"business\" href=\"http://").append(b.host()).append(':')
                    .append(port).append("/\">").append(b.name()).append("</a> · ").append(b.city()).append("</li>");
        }
        list.append("</ul>");
        if (to < businesses.size()) {
            list.append("<a rel=\"next\" href=\"/?page=").append(page + 1).append("\">Next</a>");
        }
        return page("<title>Directory</title>", list.toString());
    }

    private static String jsonLd(SampleBusiness b) {
        return "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LocalBusiness\","
                + "\"name\":\"" + b.name() + "\",\"email\":\"" + b.email() + "\",\"telephone\":\"" + b.phone() + "\","
                + "\"description\":\"" + b.description() + "\",\"sameAs\":[\"" + b.instagram() + "\"],"
                + "\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":\"" + b.street() + "\","
                + "\"addressLocality\":\"" + b.city() + "\",\"postalCode\":\"" + b.postcode() + "\","
                + "\"addressCountry\":\"" + b.country() + "\"}}</script>";
    }

    private static String page(String head, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head><body>"
                + body + "</body></html>";
    }
}
