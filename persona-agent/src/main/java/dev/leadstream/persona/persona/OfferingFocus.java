package dev.leadstream.persona.persona;

import dev.leadstream.topics.event.Campaign;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an offering is mostly about, read from its product, summary and statements: bookings, ordering,
 * an online shop, chat, marketing, or something general. Tells which technology a lead having
 * (or lacking) matters, and which question to ask.
 */
public enum OfferingFocus {

    BOOKING("booking", "\\b(book(s|ed|ing|ings)?|reserv\\w*|appointments?|schedul\\w*|termin\\w*|afspra\\w*|rendez-vous)\\b"),
    ORDERING("ordering", "\\b(orders?|ordering|pre-?orders?|collect(ion)?|deliver(y|ies)|bestell\\w*|bestel\\w*|abhol\\w*|afhaal\\w*"
            + "|command\\w*|livraison\\w*|click.?and.?collect)\\b"),
    SHOP("ecommerce", "\\b(online ?shop|e-?commerce|webshop|online store|boutique en ligne)\\b"),
    CHAT("chat", "\\b(chat\\w*|messag\\w*|whatsapp|nachricht\\w*)\\b"),
    MARKETING("ads", "\\b(marketing|advert\\w*|ads|social media|werbung|reclame|publicit\\w*)\\b"),
    GENERAL(null, "(?!)");

    /** The technology signal name ({@code technology.<name>}) that shows a lead already has it. */
    public final String technology;
    private final Pattern words;

    OfferingFocus(String technology, String words) {
        this.technology = technology;
        this.words = Pattern.compile(words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static OfferingFocus of(Campaign campaign) {
        if (campaign == null || campaign.offering() == null) {
            return GENERAL;
        }
        String text = String.join(" ", campaign.offering().product() == null ? "" : campaign.offering().product(),
                campaign.offering().summary() == null ? "" : campaign.offering().summary(),
                String.join(" ", campaign.offering().statements().stream().map(Campaign.Statement::text).toList()));
        OfferingFocus best = GENERAL;
        long most = 0;
        for (OfferingFocus focus : List.of(BOOKING, ORDERING, SHOP, CHAT, MARKETING)) {
            long mentions = focus.words.matcher(text).results().count();
            if (mentions > most) {
                best = focus;
                most = mentions;
            }
        }
        return best;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
