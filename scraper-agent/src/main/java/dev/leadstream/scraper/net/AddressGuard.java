package dev.leadstream.scraper.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard. A crawler fetches URLs that strangers wrote, so before connecting (and again
 * on every redirect) the host's addresses are resolved and checked: loopback, private,
 * link-local, carrier-grade NAT, multicast, unspecified and cloud-metadata addresses are refused
 * unless an explicit allow-list names them (an entry may name one port: the demo admits only the
 * sample web's). A host is refused if ANY of its addresses is, so a name that resolves to one
 * public and one private address cannot slip through. The stack's own ports (broker, database,
 * mail, the review API, the agents) are refused on any address the allow-list admits, and hosts
 * written to disguise an address (see {@link HostLiteral}) are refused before any lookup.
 *
 * <p>The JVM caches the lookup (networkaddress.cache.ttl, 30 s by default), so the connection that
 * follows reuses the checked address rather than asking DNS again.
 */
public final class AddressGuard {

    private static final List<Cidr> METADATA = List.of(
            Cidr.parse("169.254.169.254/32"), // AWS, GCP, Azure, OpenStack, DigitalOcean
            Cidr.parse("169.254.170.2/32"),   // AWS ECS task metadata
            Cidr.parse("100.100.100.200/32"), // Alibaba Cloud
            Cidr.parse("fd00:ec2::254/128")); // AWS over IPv6
    private static final List<Cidr> NOT_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"),
            Cidr.parse("100.64.0.0/10"),      // carrier-grade NAT
            Cidr.parse("192.0.0.0/24"),       // IETF protocol assignments
            Cidr.parse("198.18.0.0/15"),      // benchmarking
            Cidr.parse("240.0.0.0/4"),        // reserved, and 255.255.255.255
            Cidr.parse("fc00::/7"),           // unique local
            Cidr.parse("64:ff9b:1::/48"));    // local-use NAT64

    private final List<AllowedAddress> allowed;
    private final Set<Integer> refusedPorts;

    public AddressGuard(List<AllowedAddress> allowed, Collection<Integer> refusedPorts) {
        this.allowed = List.copyOf(allowed);
        this.refusedPorts = Set.copyOf(refusedPorts);
    }

    /** A guard from configuration text: allow-list entries as {@link AllowedAddress} parses them. */
    public static AddressGuard of(List<String> allowed, Collection<Integer> refusedPorts) {
        return new AddressGuard(allowed.stream().map(AllowedAddress::parse).toList(), refusedPorts);
    }

    public static AddressGuard allowing(String... entries) {
        return of(Arrays.asList(entries), List.of());
    }

    /** Why this address may not be fetched on any port, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        return refusal(address, AllowedAddress.ANY_PORT);
    }

    /** Why this address and port may not be fetched, or empty when they may. */
    public Optional<String> refusal(InetAddress address, int port) {
        Optional<String> notPublic = notPublic(address);
        if (notPublic.isEmpty()) {
            return notPublic;
        }
        if (allowed.stream().anyMatch(a -> a.admits(address, port))) {
            return refusedPorts.contains(port) ? Optional.of("port of the stack itself (" + port + ")") : Optional.empty();
        }
        return notPublic;
    }

    private static Optional<String> notPublic(InetAddress address) {
        InetAddress effective = embeddedIpv4(address).orElse(address);
        if (METADATA.stream().anyMatch(c -> c.contains(effective))) {
            return Optional.of("cloud metadata address");
        }
        if (effective.isLoopbackAddress()) {
            return Optional.of("loopback address");
        }
        if (effective.isAnyLocalAddress()) {
            return Optional.of("unspecified address");
        }
        if (effective.isSiteLocalAddress()) {
            return Optional.of("private address");
        }
        if (effective.isLinkLocalAddress()) {
            return Optional.of("link-local address");
        }
        if (effective.isMulticastAddress()) {
            return Optional.of("multicast address");
        }
        if (NOT_PUBLIC.stream().anyMatch(c -> c.contains(effective))) {
            return Optional.of("non-public address");
        }
        return Optional.empty();
    }

    /**
     * Checks the host and port of a URL and resolves the host. Throws {@link RefusedAddressException}
     * naming the first refused address; lets {@link UnknownHostException} through.
     */
    public List<InetAddress> resolve(URI url) throws UnknownHostException, RefusedAddressException {
        String host = host(url);
        if (host == null) {
            throw new UnknownHostException("no host in " + url);
        }
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return resolve(host, port);
    }

    /** Checks and resolves a host, whose connection will go to this port. */
    public List<InetAddress> resolve(String host, int port) throws UnknownHostException, RefusedAddressException {
        Optional<String> disguised = HostLiteral.refusal(host);
        if (disguised.isPresent()) {
            throw new RefusedAddressException(host + " is refused: " + disguised.get());
        }
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, port);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host + ":" + port + " resolves to a " + refusal.get() + " ("
                        + address.getHostAddress() + ") that is not on the allow-list");
            }
        }
        return addresses;
    }

    /** Why a URL's host is refused as written (a disguised address), or empty; never resolves anything. */
    public static Optional<String> disguise(URI url) {
        String host = host(url);
        return host == null ? Optional.empty() : HostLiteral.refusal(host);
    }

    /**
     * Why a URL whose host is an IPv6 literal is refused, or empty: for URLs the normaliser gave up
     * on, which must still be reported as refused rather than failed. Never looks a name up.
     */
    public Optional<String> ipv6LiteralRefusal(URI url) {
        String host = host(url);
        if (host == null || !host.startsWith("[")) {
            return Optional.empty();
        }
        try {
            resolve(url);
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The host as written; {@link URI#getHost()} is null for forms such as {@code 127.1}, so it is read from the authority. */
    public static String host(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        String authority = url.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.startsWith("[") ? hostAndPort.indexOf(':', hostAndPort.indexOf(']')) : hostAndPort.lastIndexOf(':');
        String host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
        return host.isEmpty() ? null : host.toLowerCase(java.util.Locale.ROOT);
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) IPv6 addresses hide an IPv4 address. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
