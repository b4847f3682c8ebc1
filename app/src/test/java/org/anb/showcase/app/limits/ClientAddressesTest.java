package org.anb.showcase.app.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private static final List<String> PRIVATE = List.of("10.0.0.0/8", "127.0.0.0/8", "fc00::/7", "::1/128");

    @Test
    void withoutProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddresses direct = new ClientAddresses(0, PRIVATE);
        assertThat(direct.address("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    }

    @Test
    void behindOurProxiesTheClientIsTheEntryOurFirstProxyWrote() {
        ClientAddresses behindTwo = new ClientAddresses(2, PRIVATE);
        // the client wrote "6.6.6.6" itself; CloudFront appended the client, the ALB appended CloudFront
        assertThat(behindTwo.address("10.0.3.7", "6.6.6.6, 203.0.113.9, 130.176.1.1")).isEqualTo("203.0.113.9");
        assertThat(behindTwo.address("10.0.3.7", "")).as("no header: the peer").isEqualTo("10.0.3.7");
    }

    @Test
    void theHeaderIsIgnoredUnlessThePeerIsATrustedProxy() {
        ClientAddresses behindOne = new ClientAddresses(1, PRIVATE);
        assertThat(behindOne.address("198.51.100.20", "1.2.3.4")).isEqualTo("198.51.100.20");
        assertThat(behindOne.address("127.0.0.1", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(behindOne.address("[::1]", "1.2.3.4")).isEqualTo("1.2.3.4");
    }

    @Test
    void ipv6ClientsAreGroupedByTheirSlash64AndMappedIpv4IsIpv4() {
        assertThat(ClientAddresses.group("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddresses.group("2001:db8:1:2:ffff::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.group("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.group("2001:db8:1:2::1"));
        assertThat(ClientAddresses.group("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.group("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyListThatIsNotAddressesStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddresses(1, List.of("the-load-balancer")))
                .hasMessageContaining("auth.trusted-proxies");
    }
}
