package dev.leadstream.scraper.net;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host texts that disguise an address. Browsers read {@code 2130706433}, {@code 0x7f000001},
 * {@code 0177.0.0.1} and {@code 127.1} as 127.0.0.1 (the WHATWG URL rules), while Java reads some
 * of them differently or sends them to DNS; {@code [::ffff:127.0.0.1]} hides an IPv4 address in
 * IPv6. No real site is addressed like that, so these are refused as written, before any lookup.
 */
final class HostLiteral {

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    /** The WHATWG test for "this host is an IPv4 address": its last label is a number. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private HostLiteral() {
    }

    /** Why this host text may not be used, or empty when it is a name or a plainly written address. */
    static Optional<String> refusal(String host) {
        if (host.startsWith("[")) {
            return host.contains(".") || embedsIpv4(host)
                    ? Optional.of("IPv4 address written as IPv6 (" + host + ")") : Optional.empty();
        }
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (last.isEmpty() && labels.length > 1) {
            last = labels[labels.length - 2];
        }
        if (NUMERIC_LABEL.matcher(last).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            return Optional.of("IPv4 address in a non-canonical form (" + host + ")");
        }
        return Optional.empty();
    }

    /** ::ffff:7f00:1 and ::7f00:1: an IPv6 literal whose first 80 bits are zero carries an IPv4 address. */
    private static boolean embedsIpv4(String bracketed) {
        try {
            byte[] b = java.net.InetAddress.getByName(bracketed).getAddress(); // a literal: parsed, never looked up
            if (b.length == 4) {
                return true; // Java already turned ::ffff:a.b.c.d into IPv4
            }
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)
                    && (b[12] | b[13] | b[14] | b[15]) != 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 1 && b[10] == 0);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
