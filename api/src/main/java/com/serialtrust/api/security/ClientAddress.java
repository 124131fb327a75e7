package com.serialtrust.api.security;

import com.serialtrust.api.web.EdgeFilter;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The client's address, for the rate limit and scan analytics: the socket's peer, unless that peer is a
 * configured trusted proxy ({@code serialtrust.security.trusted-proxies}). Then it is the last address
 * of the proxies' chain ({@code Forwarded: for=}, RFC 7239, else {@code X-Forwarded-For}) that is not
 * itself a trusted proxy: the one hop that no client can write for itself. A header from anyone else
 * is ignored, and so is a chain whose hop is not an IP literal (no name is ever looked up).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // before the rate limit and Spring Security read the address
class ClientAddress implements EdgeFilter {

    /** The most hops of a chain that are read. */
    static final int MAX_HOPS = 20;

    private final List<Network> trusted;

    ClientAddress(final SecurityProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(Network::parse).toList();
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final ServerHttpRequest request = exchange.getRequest();
        final InetSocketAddress peer = request.getRemoteAddress();
        if (trusted.isEmpty() || peer == null || peer.getAddress() == null || !isTrusted(peer.getAddress())) {
            return chain.filter(exchange);
        }
        return client(request).map(client -> chain.filter(exchange.mutate()
                        .request(request.mutate().remoteAddress(new InetSocketAddress(client, peer.getPort())).build()).build()))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** The client a trusted proxy's chain names; empty when the chain is missing or has a hop that is not an address. */
    Optional<InetAddress> client(final ServerHttpRequest request) {
        final List<String> hops = hops(request);
        if (hops.isEmpty() || hops.size() > MAX_HOPS) {
            return Optional.empty();
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            final InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return Optional.empty();
            }
            if (i == 0 || !isTrusted(hop)) {
                return Optional.of(hop);
            }
        }
        return Optional.empty();
    }

    boolean isTrusted(final InetAddress address) {
        return trusted.stream().anyMatch(n -> n.contains(address));
    }

    /** The chain's hops, oldest first: {@code Forwarded}'s {@code for} values if the header is there, else {@code X-Forwarded-For}'s. */
    private static List<String> hops(final ServerHttpRequest request) {
        final List<String> hops = new ArrayList<>();
        final List<String> forwarded = request.getHeaders().getOrEmpty("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    String found = "";
                    for (String pair : element.split(";")) {
                        final String[] kv = pair.strip().split("=", 2);
                        if (kv.length == 2 && kv[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                            found = kv[1].strip();
                        }
                    }
                    hops.add(found);
                }
            }
            return hops;
        }
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** An IP literal as a hop writes it ({@code 192.0.2.7}, {@code "[2001:db8::1]:4711"}), or null. */
    private static InetAddress literal(final String hop) {
        String text = hop.length() > 1 && hop.startsWith("\"") && hop.endsWith("\"") ? hop.substring(1, hop.length() - 1) : hop;
        if (text.startsWith("[")) {
            final int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':')); // IPv4 with a port
        }
        return text.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(text);
    }

    /** An address or a network in CIDR notation. */
    record Network(byte[] prefix, int bits) {

        static Network parse(final String text) {
            final String[] parts = text.strip().split("/", 2);
            final InetAddress address = NetUtil.createInetAddressFromIpAddressString(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("serialtrust.security.trusted-proxies: " + text + " is not an address or a network");
            }
            final int max = address.getAddress().length * 8;
            final int bits;
            try {
                bits = parts.length == 1 ? max : Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("serialtrust.security.trusted-proxies: " + text + " has no prefix length", e);
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("serialtrust.security.trusted-proxies: " + text + " has a prefix over " + max);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(final InetAddress address) {
            final byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                final int mask = 0x80 >> (i % 8);
                if ((bytes[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
