package dev.leadstream.topics.grounding;

import java.util.Locale;
import java.util.Set;

/** Technology names a sentence may mention only when a fact it cites names them too, in any case. */
final class Technologies {

    private static final Set<String> NAMED = Set.of(
            "wordpress", "wix", "squarespace", "shopify", "joomla", "drupal", "typo3", "magento", "woocommerce",
            "webflow", "jimdo", "weebly", "godaddy", "hubspot", "mailchimp", "salesforce", "zendesk", "intercom",
            "calendly", "opentable", "resdiary", "doctolib", "treatwell", "booksy", "fresha", "stripe", "paypal",
            "klarna", "gtag", "tagmanager", "facebook", "instagram", "tiktok", "telegram", "whatsapp",
            "linkedin", "youtube", "pinterest", "twitter", "jquery", "vuejs", "nextjs",
            "cloudflare", "recaptcha", "hotjar", "matomo", "ga4", "lightspeed", "sumup", "zettle");

    private Technologies() {
    }

    static boolean isNamed(String word) {
        return NAMED.contains(word.toLowerCase(Locale.ROOT));
    }
}
