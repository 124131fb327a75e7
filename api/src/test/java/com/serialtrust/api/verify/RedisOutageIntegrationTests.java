package com.serialtrust.api.verify;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.RedisServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Redis goes away under the api: verification goes on from the ledger; rate limits hold while it is up,
 * and through the outage on what the instance counted itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serialtrust.demo.enabled=true", "serialtrust.redis.public-requests-per-minute=5"})
class RedisOutageIntegrationTests extends DemoIntegrationTest {

    static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void redis(final DynamicPropertyRegistry registry) {
        registry.add("serialtrust.redis.url", REDIS::url);
    }

    @LocalServerPort
    int port;

    @Test
    void theRateLimitThenAnOutageThatNoVerificationNotices() {
        // no proxy is trusted here: a client that names another address in X-Forwarded-For is still itself
        for (int i = 0; i < 5; i++) {
            http.get().uri("/01/09520123456788/21/DEMO-0001").accept(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", "198.51.100." + i).exchange()
                    .expectStatus().isOk().expectBody(Void.class);
        }
        http.get().uri("/01/09520123456788/21/DEMO-0001").accept(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "198.51.100.99").header("Forwarded", "for=198.51.100.98").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        // a photo of a label is a check like any other: the same client's limit holds there too
        http.post().uri("/verify/photo").contentType(MediaType.IMAGE_PNG)
                .bodyValue(com.serialtrust.api.qr.QrCodes.png(labels.uri(new com.serialtrust.api.ledger.Organisation("brand", "BrandMSP"),
                        "09520123456788", "DEMO-0001").block(), 300)).exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        // staff endpoints have their own authentication and are not rate-limited here
        http.get().uri("/api/items/09520123456788/DEMO-0001").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody(Void.class);

        REDIS.close();

        final String label = labelPath("DEMO-0001");
        // an outage does not lift the limit: the client is still over what this instance counted of it
        http.get().uri(label).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        // another client, within the limit, notices nothing
        final WebTestClient another = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()
                        .bindAddress(() -> new InetSocketAddress("127.0.0.2", 0))))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 4; i++) {
            another.get().uri(label).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("GENUINE");
        }
        // a stolen item is still STOLEN; the police hear that the record of sightings is out of reach,
        // never an empty list that would say nobody checked it
        another.get().uri("/01/09520123456788/21/DEMO-0004").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("STOLEN");
        http.get().uri("/api/police/sightings").header("Authorization", bearer("police")).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.code").isEqualTo("SIGHTINGS_UNAVAILABLE");
    }
}
