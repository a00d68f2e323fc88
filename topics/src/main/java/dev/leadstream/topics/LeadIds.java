package dev.leadstream.topics;

import crawlercommons.domains.EffectiveTldFinder;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a business. With a website it is the registrable domain (Public Suffix List),
 * so every page and subdomain of one business gives one id; without one it is a hash of the
 * normalised name and address. Every topic is keyed by it.
 */
public final class LeadIds {

    private LeadIds() {
    }

    /** {@code www.shop.example.co.uk/contact} and {@code https://shop.example.co.uk} both give {@code example.co.uk}. */
    public static String fromWebsite(String url) {
        String host = hostOf(url);
        if (isIpLiteral(host)) {
            return host;
        }
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (EffectiveTldFinder.getEffectiveTLD(ascii, false) == null) {
            // not under a listed suffix (e.g. .test): the list's default rule "*" makes the last label the suffix
            return lastLabels(ascii, 2);
        }
        String registrable = EffectiveTldFinder.getAssignedDomain(ascii, false, false);
        return registrable == null || registrable.isBlank() ? ascii : registrable;
    }

    /** For a business without a website: stable across spelling of case, accents, punctuation and spacing. */
    public static String fromNameAndAddress(String name, String address) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a lead without a website needs a name");
        }
        String key = normalise(name) + "|" + normalise(address == null ? "" : address);
        return "nap-" + sha256(key).substring(0, 20);
    }

    static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no website given");
        }
        // parsed by hand: java.net.URI refuses the non-ASCII host names of internationalised domains
        String rest = url.trim();
        int scheme = rest.indexOf("://");
        rest = scheme >= 0 ? rest.substring(scheme + 3) : rest;
        int end = indexOfAny(rest, "/?#");
        String authority = end >= 0 ? rest.substring(0, end) : rest;
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (!host.startsWith("[") && host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        host = host.toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (host.isBlank() || host.contains(" ") || !host.matches("[^.].*")) {
            throw new IllegalArgumentException("not a website address: " + url);
        }
        return host;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String lastLabels(String host, int count) {
        String[] labels = host.split("\\.");
        int from = Math.max(0, labels.length - count);
        return String.join(".", java.util.Arrays.copyOfRange(labels, from, labels.length));
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ");
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
