package com.serialtrust.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ScanTest {

    @Test
    void aClientsNetworkIsItsIpv4SlashTwentyFourOrItsIpv6SlashFortyEight() throws Exception {
        assertThat(Scan.network(new InetSocketAddress(InetAddress.getByName("192.168.1.77"), 443))).isEqualTo("v4:c0a801");
        assertThat(Scan.network(new InetSocketAddress(InetAddress.getByName("10.0.255.1"), 443))).isEqualTo("v4:0a00ff");
        assertThat(Scan.network(new InetSocketAddress(InetAddress.getByName("2001:db8:85a3::8a2e:370:7334"), 443)))
                .isEqualTo("v6:20010db885a3");
        assertThat(Scan.network(null)).isEqualTo("unknown");
    }
}
