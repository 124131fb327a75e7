package com.serialtrust.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class EdgeFiltersTest {

    static final List<String> RAN = new ArrayList<>();

    @Order(2)
    static class Second implements EdgeFilter {
        @Override
        public Mono<Void> filter(final ServerWebExchange exchange, final org.springframework.web.server.WebFilterChain chain) {
            RAN.add("second saw " + exchange.getRequest().getPath().value());
            if (exchange.getRequest().getPath().value().equals("/refused")) {
                exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                return exchange.getResponse().setComplete();
            }
            return chain.filter(exchange);
        }
    }

    @Order(1)
    static class First implements EdgeFilter {
        @Override
        public Mono<Void> filter(final ServerWebExchange exchange, final org.springframework.web.server.WebFilterChain chain) {
            RAN.add("first");
            // a rewrite, as the compressed links' filter makes one: what follows sees the new path
            final String rewritten = exchange.getRequest().getPath().value().replace("/short", "/01/09520123456788/21/12345");
            return chain.filter(exchange.mutate().request(r -> r.path(rewritten)).build());
        }
    }

    private static List<String> run(final String path) {
        RAN.clear();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Second.class, First.class, EdgeFilters.class)) {
            final EdgeFilters filters = context.getBean(EdgeFilters.class);
            filters.filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), exchange -> {
                RAN.add("then the handler, for " + exchange.getRequest().getPath().value());
                return Mono.empty();
            }).block();
        }
        return List.copyOf(RAN);
    }

    @Test
    void theFiltersRunInTheirOrderAndEachSeesWhatTheOneBeforeItPassedOn() {
        assertThat(run("/short")).containsExactly("first", "second saw /01/09520123456788/21/12345",
                "then the handler, for /01/09520123456788/21/12345");
    }

    @Test
    void aFilterThatAnswersEndsTheRequestThere() {
        assertThat(run("/refused")).containsExactly("first", "second saw /refused");
    }
}
