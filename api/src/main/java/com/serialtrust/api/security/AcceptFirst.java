package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import com.serialtrust.api.web.EdgeFilter;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A write whose caller accepts no JSON is refused before it runs: every write answers JSON, and a
 * write that ran and then could not be answered (406 after the sale was on the ledger) would change
 * the ledger behind an error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class AcceptFirst implements EdgeFilter {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final ProblemWriter problems;

    AcceptFirst(final ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final HttpMethod method = exchange.getRequest().getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || acceptsJson(exchange)) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, ApiError.NOT_ACCEPTABLE, "a write answers application/json; accept it to send one");
    }

    private static boolean acceptsJson(final ServerWebExchange exchange) {
        final List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return accepted.isEmpty() || accepted.stream().anyMatch(a -> ANSWERS.stream().anyMatch(a::isCompatibleWith));
    }
}
