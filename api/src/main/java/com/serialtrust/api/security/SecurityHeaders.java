package com.serialtrust.api.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security headers of every answer, staff or public: exactly those Spring Security writes by
 * default (no caching, {@code nosniff}, {@code DENY} framing, the XSS auditor off, no referrer, and
 * HSTS over HTTPS), each only where the handler set none of its own. Spring Security's own writers
 * list the response's header names, into a new set, once per writer and request: a measurable share
 * of a public verification.
 */
final class SecurityHeaders implements ServerHttpHeadersWriter {

    static final SecurityHeaders INSTANCE = new SecurityHeaders();

    private SecurityHeaders() {}

    @Override
    public Mono<Void> writeHttpHeaders(final ServerWebExchange exchange) {
        final ServerHttpResponse response = exchange.getResponse();
        final HttpHeaders headers = response.getHeaders();
        if (!HttpStatus.NOT_MODIFIED.equals(response.getStatusCode()) && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)
                && !headers.containsHeader(HttpHeaders.PRAGMA) && !headers.containsHeader(HttpHeaders.EXPIRES)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        if ("https".equals(exchange.getRequest().getURI().getScheme())) {
            setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        return Mono.empty();
    }

    private static void setIfAbsent(final HttpHeaders headers, final String name, final String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
