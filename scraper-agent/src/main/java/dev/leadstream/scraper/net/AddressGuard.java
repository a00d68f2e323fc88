package dev.leadstream.scraper.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard. A crawler fetches URLs that strangers wrote, so before connecting (and again
 * on every redirect) the host's addresses are resolved and checked: loopback, private,
 * link-local, carrier-grade NAT, multicast, unspecified and cloud-metadata addresses are refused
 * unless an explicit allow-list names them. A host is refused if ANY of its addresses is, so a
 * name that resolves to one public and one private address cannot slip through.
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

    private final List<Cidr> allowed;

    public AddressGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public static AddressGuard allowing(String... cidrs) {
        return new AddressGuard(Arrays.stream(cidrs).map(Cidr::parse).toList());
    }

    /** Why this address may not be fetched, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
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
     * Resolves a host and checks every address it has. Throws {@link RefusedAddressException}
     * naming the first refused one; lets {@link UnknownHostException} through.
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException, RefusedAddressException {
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host + " resolves to a " + refusal.get() + " ("
                        + address.getHostAddress() + ") that is not on the allow-list");
            }
        }
        return addresses;
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
