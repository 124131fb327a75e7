package com.serialtrust.api.security;

import com.serialtrust.api.DemoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * No answer of the api can be split into two by a line break in one of its headers: the server refuses
 * to send such a header (the firewall leaves this check to Netty, {@link FirstMatchingChain}).
 */
@Import(ResponseSplittingIntegrationTests.Echo.class)
class ResponseSplittingIntegrationTests extends DemoIntegrationTest {

    /** A handler that sets a header from text it did not check, as a careless one might. */
    @RestController
    static class Echo {

        @GetMapping("/test-only/header")
        Mono<ResponseEntity<String>> header(@org.springframework.web.bind.annotation.RequestParam final String kind) {
            final String value = switch (kind) {
                case "crlf" -> "a\r\nX-Injected: yes";
                case "lf" -> "a\nX-Injected: yes";
                default -> "plain";
            };
            return Mono.fromCallable(() -> ResponseEntity.ok().header("X-Echo", value).body("echoed"));
        }
    }

    @Test
    void aHeaderWithALineBreakIsRefusedAndNothingIsInjected() {
        for (String kind : new String[] {"crlf", "lf"}) {
            http.get().uri("/test-only/header?kind=" + kind).exchange()
                    .expectStatus().is5xxServerError()
                    .expectHeader().doesNotExist("X-Injected")
                    .expectHeader().doesNotExist("X-Echo")
                    .expectBody().jsonPath("$.code").isEqualTo("INTERNAL");
        }
    }

    @Test
    void aHeaderWithoutOneIsSent() {
        http.get().uri("/test-only/header?kind=plain").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Echo", "plain")
                .expectBody(String.class).isEqualTo("echoed");
    }
}
