package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** Who the client is, behind a trusted proxy and without one. */
class ClientAddressTest {

    private static String client(final List<String> trusted, final String peer, final String header, final String value) {
        final ClientAddress filter = new ClientAddress(new SecurityProperties(List.of(), trusted));
        final MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/01/09520123456788/21/X")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (header != null) {
            request.header(header, value);
        }
        final AtomicReference<String> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
            seen.set(exchange.getRequest().getRemoteAddress().getAddress().getHostAddress());
            return Mono.empty();
        }).block();
        return seen.get();
    }

    @Test
    void withoutATrustedProxyNoHeaderNamesTheClient() {
        assertThat(client(List.of(), "198.51.100.7", "X-Forwarded-For", "203.0.113.1")).isEqualTo("198.51.100.7");
        assertThat(client(List.of(), "198.51.100.7", "Forwarded", "for=203.0.113.1")).isEqualTo("198.51.100.7");
        // a peer that is not one of the trusted proxies is the client, whatever it says
        assertThat(client(List.of("10.0.0.0/8"), "198.51.100.7", "X-Forwarded-For", "203.0.113.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastHopThatIsNotOne() {
        assertThat(client(List.of("10.0.0.0/8"), "10.1.2.3", "X-Forwarded-For", "203.0.113.1")).isEqualTo("203.0.113.1");
        // through two trusted proxies
        assertThat(client(List.of("10.0.0.0/8"), "10.1.2.3", "X-Forwarded-For", "203.0.113.1, 10.9.9.9")).isEqualTo("203.0.113.1");
        // a client that writes an address of its own before the proxy's hop gets its own address, not that one
        assertThat(client(List.of("10.0.0.0/8"), "10.1.2.3", "X-Forwarded-For", "192.0.2.99, 203.0.113.1")).isEqualTo("203.0.113.1");
    }

    @Test
    void theForwardedHeaderIsReadAsRfc7239WritesItIpv6Included() {
        assertThat(client(List.of("10.1.2.3"), "10.1.2.3", "Forwarded", "for=192.0.2.60;proto=https;by=10.1.2.3"))
                .isEqualTo("192.0.2.60");
        assertThat(client(List.of("10.1.2.3"), "10.1.2.3", "Forwarded", "For=\"[2001:db8:cafe::17]:4711\""))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(client(List.of("10.1.2.3"), "10.1.2.3", "Forwarded", "for=192.0.2.43:8080, for=10.1.2.3")).isEqualTo("192.0.2.43");
    }

    @Test
    void aHopThatIsNotAnAddressLeavesTheProxyAsTheClientAndNoNameIsLookedUp() {
        for (String hop : List.of("unknown", "_hidden", "localhost", "example.org", "999.1.1.1", "")) {
            assertThat(client(List.of("10.0.0.0/8"), "10.1.2.3", "X-Forwarded-For", hop)).as(hop).isEqualTo("10.1.2.3");
        }
        assertThat(client(List.of("10.0.0.0/8"), "10.1.2.3", null, null)).isEqualTo("10.1.2.3");
        assertThat(client(List.of("10.0.0.0/8"), "10.1.2.3", "X-Forwarded-For",
                String.join(",", java.util.Collections.nCopies(ClientAddress.MAX_HOPS + 1, "203.0.113.1")))).isEqualTo("10.1.2.3");
    }

    @Test
    void aTrustedProxyIsAnAddressOrANetworkAndAnythingElseStopsTheApiAtStart() {
        assertThat(ClientAddress.Network.parse("fd00::/8").contains(io.netty.util.NetUtil.createInetAddressFromIpAddressString("fd12::1"))).isTrue();
        assertThat(ClientAddress.Network.parse("10.0.0.0/9").contains(io.netty.util.NetUtil.createInetAddressFromIpAddressString("10.128.0.1"))).isFalse();
        for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> ClientAddress.Network.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("trusted-proxies");
        }
    }
}
