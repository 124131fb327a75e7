package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * The request firewall on the running api: what it rejects gets problem JSON with a stable code, and
 * what GS1 allows in a serial (an encoded slash) passes.
 */
class FirewallIntegrationTests extends DemoIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    WebFilterChainProxy proxy;

    /** The address as written, not encoded again. */
    private URI address(final String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void theChainsAreChosenByTheApisProxyWithThisFirewall() {
        assertThat(proxy).isInstanceOf(FirstMatchingChain.class);
    }

    @Test
    void anEncodedDotDotInThePathIsRejectedAsProblemJson() {
        http.get().uri(address("/01/09520123456788/21/%2e%2e")).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("REQUEST_REJECTED");
    }

    @Test
    void aMethodNoEndpointAnswersIsRejected() {
        http.method(HttpMethod.valueOf("TRACE")).uri("/01/09520123456788/21/DEMO-0001").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("REQUEST_REJECTED");
    }

    @Test
    void anEncodedSlashInASerialPassesAndIsChecked() {
        http.get().uri(address("/01/09520123456788/21/NK%2F1")).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.item.serial").isEqualTo("NK/1")
                .jsonPath("$.verdict").isEqualTo("UNREGISTERED");
    }
}
