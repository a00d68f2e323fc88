package dev.leadstream.scraper.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Address literals only: nothing here resolves a name or opens a connection. */
class AddressGuardTest {

    private final AddressGuard guard = AddressGuard.allowing();

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.9.9.9, loopback", "::1, loopback",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "169.254.169.254, cloud metadata", "169.254.170.2, cloud metadata", "100.100.100.200, cloud metadata",
            "fd00:ec2::254, cloud metadata",
            "169.254.10.10, link-local", "fe80::1, link-local",
            "0.0.0.0, unspecified", "::, unspecified",
            "224.0.0.1, multicast", "ff02::1, multicast",
            "100.64.0.1, non-public", "fc00::1, non-public", "fd12:3456::1, non-public", "255.255.255.255, non-public",
            "::ffff:10.0.0.1, private", "::ffff:169.254.169.254, cloud metadata", "::ffff:127.0.0.1, loopback"})
    void refusesAddressesThatAreNotPublic(String address, String kind) throws Exception {
        assertThat(guard.refusal(InetAddress.getByName(address))).hasValueSatisfying(r -> assertThat(r).startsWith(kind));
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "8.8.8.8", "2a00:1450:4001:80b::200e", "172.32.0.1", "100.128.0.1"})
    void letsPublicAddressesThrough(String address) throws Exception {
        assertThat(guard.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anAllowListLetsExactlyItsBlocksThrough() throws Exception {
        AddressGuard demo = AddressGuard.allowing("127.0.0.1/32");
        assertThat(demo.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(demo.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(demo.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
    }

    @Test
    void resolvingAnAddressLiteralThatIsRefusedThrowsBeforeAnyConnection() {
        assertThatThrownBy(() -> guard.resolve("169.254.169.254", 80))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("cloud metadata");
    }

    @Test
    void anAllowListEntryMustBeAnAddressNotAName() throws Exception {
        assertThatThrownBy(() -> Cidr.parse("metadata.google.internal/32")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("10.200.1.1"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    }

    @Test
    void theDemoAllowListAdmitsOnlyTheSampleWebsPort() throws Exception {
        AddressGuard demo = AddressGuard.allowing("127.0.0.1/32:18080");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(demo.refusal(loopback, 18080)).isEmpty();
        assertThat(demo.refusal(loopback, 8080)).hasValueSatisfying(r -> assertThat(r).startsWith("loopback"));
        assertThat(demo.refusal(loopback, 80)).isPresent();
        assertThat(demo.refusal(InetAddress.getByName("127.0.0.2"), 18080)).isPresent();
    }

    @ParameterizedTest(name = "port {0} of the stack is refused although loopback is allowed")
    @CsvSource({"19092", "15432", "3025", "3143", "8080", "8082", "8087"})
    void theStacksOwnPortsAreRefusedEvenWhenLoopbackIsAllowed(int port) throws Exception {
        AddressGuard everyLoopbackPort = AddressGuard.of(List.of("127.0.0.0/8", "::1/128"), STACK_PORTS);
        assertThat(everyLoopbackPort.refusal(InetAddress.getByName("127.0.0.1"), port))
                .hasValueSatisfying(r -> assertThat(r).contains("port of the stack").contains(Integer.toString(port)));
        assertThat(everyLoopbackPort.refusal(InetAddress.getByName("::1"), port)).isPresent();
        assertThat(everyLoopbackPort.refusal(InetAddress.getByName("127.0.0.1"), 18080)).isEmpty();
    }

    @Test
    void aPublicAddressIsNotRefusedForItsPort() throws Exception {
        AddressGuard withStackPorts = AddressGuard.of(List.of(), STACK_PORTS);
        assertThat(withStackPorts.refusal(InetAddress.getByName("93.184.215.14"), 8080)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused as a disguised address")
    @CsvSource({"http://2130706433:18080/", "http://0x7f000001:18080/", "http://0177.0.0.1:18080/",
            "http://127.1:18080/", "http://0x7f.1:18080/", "http://127.0.0.1.:18080/", "http://017700000001:18080/",
            "http://[::ffff:127.0.0.1]:18080/", "http://[::ffff:7f00:1]:18080/", "http://[::127.0.0.1]:18080/"})
    void disguisedLoopbackFormsAreRefusedEvenWhenTheirPortIsAllowed(String url) {
        AddressGuard demo = AddressGuard.allowing("127.0.0.1/32:18080", "::1/128:18080");
        assertThatThrownBy(() -> demo.resolve(URI.create(url)))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("IPv4 address");
    }

    @Test
    void plainlyWrittenAddressesAndNamesAreNotTakenForDisguises() throws Exception {
        AddressGuard demo = AddressGuard.allowing("127.0.0.1/32:18080", "::1/128:18080");
        assertThat(demo.resolve(URI.create("http://127.0.0.1:18080/"))).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        assertThat(demo.resolve(URI.create("http://[::1]:18080/"))).hasSize(1);
        assertThat(AddressGuard.host(URI.create("http://127.1:18080/x"))).isEqualTo("127.1");
        assertThat(AddressGuard.host(URI.create("http://user@0x7F.1/"))).isEqualTo("0x7f.1");
    }

    @ParameterizedTest(name = "allow-list entry {0}")
    @CsvSource({"127.0.0.1/32:18080, 127.0.0.1, 18080, true", "127.0.0.1/32:18080, 127.0.0.1, 18081, false",
            "127.0.0.1:18080, 127.0.0.1, 18080, true", "[::1]:18080, ::1, 18080, true", "::1/128:18080, ::1, 18081, false",
            "::1, ::1, 9, true", "10.0.0.0/8, 10.9.9.9, 443, true"})
    void allowListEntriesMayNameOnePort(String entry, String address, int port, boolean admitted) throws Exception {
        assertThat(AllowedAddress.parse(entry).admits(InetAddress.getByName(address), port)).isEqualTo(admitted);
    }

    private static final List<Integer> STACK_PORTS = List.of(19092, 15432, 3025, 3143, 8080, 8081, 8082, 8083, 8084,
            8085, 8086, 8087);
}
