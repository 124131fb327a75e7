package com.serialtrust.api.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Every {@link EdgeFilter}, in their order, before any other filter (Spring Security's too). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeFilters implements WebFilter {

    private final EdgeFilter[] filters;

    EdgeFilters(final ObjectProvider<EdgeFilter> filters) {
        this.filters = filters.orderedStream().toArray(EdgeFilter[]::new);
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        return step(0, exchange, chain);
    }

    private Mono<Void> step(final int index, final ServerWebExchange exchange, final WebFilterChain rest) {
        return index == filters.length ? rest.filter(exchange)
                : filters[index].filter(exchange, next -> step(index + 1, next, rest));
    }

    /** Spring names each filter of its chain on every request (a checkpoint): a fixed name costs nothing. */
    @Override
    public String toString() {
        return "EdgeFilters";
    }
}
