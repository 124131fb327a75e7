package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import com.serialtrust.api.web.EdgeFilter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The size of a request's address and headers, refused before anything else looks at it: 414 for an
 * address over {@value #MAX_URI} characters, 431 for headers over {@value #MAX_HEADERS} bytes, both as
 * problem JSON. (Netty's own, higher limits stop what is larger still, without a body.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the request timer (web/RequestTimer)
class RequestLimits implements EdgeFilter {

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
        if (headerBytes(request) > MAX_HEADERS) {
            return problems.write(exchange, ApiError.HEADERS_TOO_LARGE, "a request's headers are at most " + MAX_HEADERS + " bytes");
        }
        return chain.filter(exchange);
    }

    /** Each header as {@code name: value\r\n}; read from Netty's own headers where they are at hand (no copy made). */
    private static long headerBytes(final ServerHttpRequest request) {
        long bytes = 0;
        if (nettyRequest(request) instanceof HttpServerRequest netty) {
            final Iterator<Map.Entry<CharSequence, CharSequence>> headers = netty.requestHeaders().iteratorCharSequence();
            while (headers.hasNext()) {
                final Map.Entry<CharSequence, CharSequence> header = headers.next();
                bytes += header.getKey().length() + header.getValue().length() + 4;
            }
            return bytes;
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    /** The server's own request under Spring's, or null where there is none (a slice test's mock). */
    private static Object nettyRequest(final ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }
}
