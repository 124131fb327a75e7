package com.serialtrust.api.security;

import com.serialtrust.api.web.EdgeFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What the browser may do on our pages (the scan page, the staff desks, a label's link): only this
 * server's scripts and styles, the QR decoder's WebAssembly, no plug-ins, no framing, requests to
 * this server only; the camera and the position for this origin alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the size limits: a refused request needs no page policy
class PageHeaders implements EdgeFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()";

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final String path = exchange.getRequest().getPath().value();
        if (path.equals("/") || path.startsWith("/app/") || path.startsWith("/01/")) {
            final HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Permissions-Policy", PERMISSIONS_POLICY);
        }
        return chain.filter(exchange);
    }
}
