package com.serialtrust.api.web;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One of the api's own checks and rewrites at the edge (sizes, client address, compressed links, rate
 * limit...), run in order, by {@code @Order}, inside a single {@link org.springframework.web.server.WebFilter}.
 * Spring's filter chain wraps each filter it runs in a named Reactor checkpoint, built anew for every
 * request; these steps share one.
 */
@FunctionalInterface
public interface EdgeFilter {

    /** As {@link org.springframework.web.server.WebFilter#filter}: pass the exchange on to {@code chain}, or answer it. */
    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain);
}
