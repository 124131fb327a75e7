package com.serialtrust.api.security;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security's {@link WebFilterChainProxy}, choosing the first chain that matches a request by
 * asking each in turn rather than through {@code Flux.filterWhen}, with the firewall's checks of the
 * request (its check of the response's headers is Netty's).
 *
 * <p>That operator gives every request a buffer of 256 slots and, once the first chain has matched,
 * clears it slot by slot, each time looking up a discard hook in the request's context: 4 % of the
 * api's CPU for a {@code /ping} ({@code bench/profile.sh ping}, 2 December). Everything else is as
 * Spring's proxy does it: the firewall first, a rejection to the rejection handler, the chosen chain's
 * filters through the chain decorator before the rest of the request, and with no matching chain the
 * request goes straight on. A chain whose matcher answers nothing does not match, as with Spring's.
 */
final class FirstMatchingChain extends WebFilterChainProxy {

    private final List<SecurityWebFilterChain> chains;
    private final ServerWebExchangeFirewall firewall;
    private final ServerExchangeRejectedHandler rejected;
    private WebFilterChainDecorator decorator = new DefaultWebFilterChainDecorator();

    FirstMatchingChain(final List<SecurityWebFilterChain> chains, final ServerWebExchangeFirewall firewall,
            final ServerExchangeRejectedHandler rejected) {
        super(List.copyOf(chains));
        this.chains = List.copyOf(chains);
        this.firewall = Objects.requireNonNull(firewall, "firewall");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        super.setFirewall(firewall);
        super.setExchangeRejectedHandler(rejected);
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        return firewall.getFirewalledExchange(new ResponseLeftToNetty(exchange))
                // the firewall's request, which checks headers and parameters as they are read, made once
                .map(firewalled -> exchange.mutate().request(firewalled.getRequest()).build())
                .flatMap(firewalled -> from(0, firewalled, chain))
                .onErrorResume(ServerExchangeRejectedException.class, e -> rejected.handle(exchange, e).then(Mono.empty()));
    }

    private Mono<Void> from(final int index, final ServerWebExchange exchange, final WebFilterChain chain) {
        if (index == chains.size()) {
            return decorator.decorate(chain).filter(exchange);
        }
        final SecurityWebFilterChain candidate = chains.get(index);
        return candidate.matches(exchange).defaultIfEmpty(false).flatMap(matches -> matches
                ? candidate.getWebFilters().collectList().flatMap(filters -> decorator.decorate(chain, filters).filter(exchange))
                : from(index + 1, exchange, chain));
    }

    /**
     * The exchange as the firewall sees it, without its check of the response's headers as the response
     * commits (a CR or LF in a name or value): Netty refuses those itself when a header is set
     * ({@code ResponseSplittingIntegrationTests}), and the firewall's check listed every header of every
     * answer into a new set, 3 % of the api's CPU for a cached verification ({@code bench/profile.sh verify}).
     */
    private static final class ResponseLeftToNetty extends ServerWebExchangeDecorator {

        ResponseLeftToNetty(final ServerWebExchange exchange) {
            super(exchange);
        }

        @Override
        public ServerHttpResponse getResponse() {
            return new ServerHttpResponseDecorator(super.getResponse()) {
                @Override
                public void beforeCommit(final Supplier<? extends Mono<Void>> action) {
                    // the firewall's header check: Netty's (above)
                }
            };
        }
    }

    /** Fixed at construction: a firewall set later would not be the one {@link #filter} asks. */
    @Override
    public void setFirewall(final ServerWebExchangeFirewall firewall) {
        throw new UnsupportedOperationException("the firewall is given to the constructor");
    }

    /** Fixed at construction, as the firewall. */
    @Override
    public void setExchangeRejectedHandler(final ServerExchangeRejectedHandler handler) {
        throw new UnsupportedOperationException("the rejection handler is given to the constructor");
    }

    /** Spring names each filter of its chain on every request (a checkpoint): a fixed name costs nothing. */
    @Override
    public String toString() {
        return "FirstMatchingChain";
    }

    @Override
    public void setFilterChainDecorator(final WebFilterChainDecorator decorator) {
        super.setFilterChainDecorator(decorator);
        this.decorator = Objects.requireNonNull(decorator, "decorator");
    }
}
