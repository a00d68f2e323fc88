package dev.leadstream.scraper.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

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
        assertThatThrownBy(() -> guard.resolve("169.254.169.254"))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("cloud metadata");
    }

    @Test
    void anAllowListEntryMustBeAnAddressNotAName() throws Exception {
        assertThatThrownBy(() -> Cidr.parse("metadata.google.internal/32")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("10.200.1.1"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    }
}
