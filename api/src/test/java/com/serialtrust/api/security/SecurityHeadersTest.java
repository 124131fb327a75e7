package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;

/** Every answer carries the headers Spring Security's defaults would give it, whichever chain wrote them. */
class SecurityHeadersTest {

    /** Spring Security's default header writers, in its order (ServerHttpSecurity.HeaderSpec). */
    private static final ServerHttpHeadersWriter SPRING_DEFAULTS = new CompositeServerHttpHeadersWriter(
            new CacheControlServerHttpHeadersWriter(), new ContentTypeOptionsServerHttpHeadersWriter(),
            new StrictTransportSecurityServerHttpHeadersWriter(), new XFrameOptionsServerHttpHeadersWriter(),
            new XXssProtectionServerHttpHeadersWriter(), new ReferrerPolicyServerHttpHeadersWriter());

    private static HttpHeaders written(final ServerHttpHeadersWriter writer, final String uri, final Consumer<MockServerWebExchange> handler) {
        final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(uri));
        handler.accept(exchange);
        writer.writeHttpHeaders(exchange).block();
        return exchange.getResponse().getHeaders();
    }

    private static void sameAsSpring(final String uri, final Consumer<MockServerWebExchange> handler) {
        final HttpHeaders ours = written(SecurityHeaders.INSTANCE, uri, handler);
        final HttpHeaders spring = written(SPRING_DEFAULTS, uri, handler);
        assertThat(ours.headerNames()).as("headers of %s", uri).containsExactlyInAnyOrderElementsOf(spring.headerNames());
        for (String name : spring.headerNames()) {
            assertThat(ours.get(name)).as("%s of %s", name, uri).isEqualTo(spring.get(name));
        }
    }

    @Test
    void aPlainAnswerIsNeverCachedNeverFramedNeverSniffedAndSendsNoReferrer() {
        final HttpHeaders headers = written(SecurityHeaders.INSTANCE, "http://api.example/ping", exchange -> { });
        assertThat(headers.getCacheControl()).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.containsHeader("Strict-Transport-Security")).as("HSTS over plain HTTP").isFalse();
        sameAsSpring("http://api.example/ping", exchange -> { });
    }

    @Test
    void overHttpsTheBrowserIsToldToStayOnHttps() {
        assertThat(written(SecurityHeaders.INSTANCE, "https://api.example/01/09520123456788/21/X", exchange -> { })
                .getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        sameAsSpring("https://api.example/01/09520123456788/21/X", exchange -> { });
    }

    @Test
    void whatAHandlerSetItselfIsKeptAsSpringKeepsIt() {
        for (Consumer<MockServerWebExchange> handler : List.<Consumer<MockServerWebExchange>>of(
                exchange -> exchange.getResponse().getHeaders().setCacheControl("public, max-age=31536000, immutable"),
                exchange -> exchange.getResponse().getHeaders().set(HttpHeaders.PRAGMA, "no-cache"),
                exchange -> exchange.getResponse().getHeaders().set("X-Frame-Options", "SAMEORIGIN"),
                exchange -> exchange.getResponse().getHeaders().set("Referrer-Policy", "origin"),
                exchange -> exchange.getResponse().setStatusCode(HttpStatus.NOT_MODIFIED))) {
            sameAsSpring("http://api.example/app/scan-4ZL5FD24.js", handler);
            sameAsSpring("https://api.example/app/scan-4ZL5FD24.js", handler);
        }
        assertThat(written(SecurityHeaders.INSTANCE, "http://api.example/app/scan-4ZL5FD24.js",
                exchange -> exchange.getResponse().getHeaders().setCacheControl("public, max-age=31536000, immutable"))
                .getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
    }
}
