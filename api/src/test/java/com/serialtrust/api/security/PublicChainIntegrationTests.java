package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A request that neither asks for a staff endpoint nor presents a key passes the light public chain:
 * it gets the same security headers as a staff answer and the resolver's CORS rules, and a key it
 * presents, on any path, is still checked.
 */
class PublicChainIntegrationTests extends DemoIntegrationTest {

    private static final List<String> SECURITY_HEADERS = List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.PRAGMA,
            HttpHeaders.EXPIRES, "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Referrer-Policy");

    private HttpHeaders headersOf(final String uri, final String authorization) {
        return http.get().uri(uri).headers(h -> {
                    if (authorization != null) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                }).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
    }

    @Test
    void publicAnswersCarryTheSecurityHeadersOfStaffAnswers() {
        final HttpHeaders staff = headersOf("/api/me", bearer("brand"));
        for (String uri : List.of("/ping", labelPath("DEMO-0001"), "/.well-known/gs1resolver")) {
            final HttpHeaders anonymous = headersOf(uri, null);
            for (String name : SECURITY_HEADERS) {
                assertThat(anonymous.get(name)).as("%s of %s", name, uri).isNotNull().isEqualTo(staff.get(name));
            }
        }
    }

    @Test
    void aWrongKeyIsRefusedOnPublicPathsToo() {
        for (String uri : List.of("/ping", labelPath("DEMO-0001"))) {
            http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key").exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
            http.get().uri(uri).header("X-Api-Key", "not-a-key").exchange().expectStatus().isUnauthorized().expectBody(Void.class);
        }
        // and a right one is taken
        http.get().uri(labelPath("DEMO-0001")).header(HttpHeaders.AUTHORIZATION, bearer("brand"))
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void anyPageMayReadAVerificationButNoStaffEndpoint() {
        http.options().uri(labelPath("DEMO-0001")).header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody(Void.class);
        http.get().uri(labelPath("DEMO-0001")).header(HttpHeaders.ORIGIN, "https://shop.example").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody(Void.class);
        http.options().uri("/api/me").header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN).expectBody(Void.class);
    }
}
