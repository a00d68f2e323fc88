package dev.leadstream.scraper.net;

import java.net.InetAddress;

/**
 * One allow-list entry: an address block, optionally narrowed to one port. Written
 * {@code 127.0.0.1/32:18080}, {@code 127.0.0.1:18080}, {@code [::1]:18080}, {@code ::1/128:18080},
 * or without a port ({@code 10.0.0.0/8}) to admit every port of the block.
 */
public record AllowedAddress(Cidr block, int port) {

    public static final int ANY_PORT = -1;

    public static AllowedAddress parse(String text) {
        String entry = text.trim();
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in allow-list entry " + text);
            }
            String rest = entry.substring(close + 1);
            return new AllowedAddress(Cidr.parse(entry.substring(1, close)), rest.isEmpty() ? ANY_PORT : port(rest, text));
        }
        int slash = entry.indexOf('/');
        int colon = slash >= 0 ? entry.indexOf(':', slash) : entry.indexOf(':') == entry.lastIndexOf(':') ? entry.indexOf(':') : -1;
        if (colon < 0) {
            return new AllowedAddress(Cidr.parse(entry), ANY_PORT);
        }
        return new AllowedAddress(Cidr.parse(entry.substring(0, colon)), port(entry.substring(colon), text));
    }

    public boolean admits(InetAddress address, int port) {
        return block.contains(address) && (this.port == ANY_PORT || this.port == port);
    }

    private static int port(String colonAndPort, String text) {
        if (!colonAndPort.matches(":[0-9]{1,5}")) {
            throw new IllegalArgumentException("bad port in allow-list entry " + text);
        }
        int port = Integer.parseInt(colonAndPort.substring(1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port in allow-list entry " + text);
        }
        return port;
    }
}
