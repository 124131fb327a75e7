package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The size of a request's address and headers, refused before anything else looks at it: 414 for an
 * address over {@value #MAX_URI} characters, 431 for headers over {@value #MAX_HEADERS} bytes, both as
 * problem JSON. (Netty's own, higher limits stop what is larger still, without a body.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimits implements WebFilter {

    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;

    private final ProblemWriter problems;

    RequestLimits(final ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final ServerHttpRequest request = exchange.getRequest();
        final String raw = request.getURI().getRawPath() + (request.getURI().getRawQuery() == null ? "" : request.getURI().getRawQuery());
        if (raw.length() > MAX_URI) {
            return problems.write(exchange, ApiError.URI_TOO_LONG, "an address is at most " + MAX_URI + " characters");
        }
        long headers = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headers += header.getKey().length() + value.length() + 4;
            }
        }
        if (headers > MAX_HEADERS) {
            return problems.write(exchange, ApiError.HEADERS_TOO_LARGE, "a request's headers are at most " + MAX_HEADERS + " bytes");
        }
        return chain.filter(exchange);
    }
}
