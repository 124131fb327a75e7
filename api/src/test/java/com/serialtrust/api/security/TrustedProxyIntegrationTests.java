package com.serialtrust.api.security;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a load balancer the api counts each client apart: the test client is the trusted proxy
 * (127.0.0.1), and the clients it names each get their own rate limit; a client cannot take another's
 * by writing that client's address into the header the proxy appends to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"serialtrust.demo.enabled=true",
    "serialtrust.redis.public-requests-per-minute=3", "serialtrust.security.trusted-proxies=127.0.0.1, ::1",
    // counted requests: a deadline a busy machine does not miss (the limit lets a late answer through)
    "serialtrust.redis.timeout=2s"})
class TrustedProxyIntegrationTests extends DemoIntegrationTest {

    static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void redis(final DynamicPropertyRegistry registry) {
        registry.add("serialtrust.redis.url", REDIS::url);
    }

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    private int check(final String header, final String value) {
        return http.get().uri("/01/09520123456788/21/DEMO-0001").accept(MediaType.APPLICATION_JSON).header(header, value)
                .exchange().expectBody(Void.class).returnResult().getStatus().value();
    }

    @Test
    void eachClientTheProxyNamesHasItsOwnLimitAndNoneCanSpendAnothers() {
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThat(check("X-Forwarded-For", "198.51.100.1")).isEqualTo(200);
        }
        org.assertj.core.api.Assertions.assertThat(check("X-Forwarded-For", "198.51.100.1")).as("the first client's fourth check")
                .isEqualTo(429);
        // the first client writes the second's address itself; the proxy appends the first's: still the first
        org.assertj.core.api.Assertions.assertThat(check("X-Forwarded-For", "198.51.100.2, 198.51.100.1")).isEqualTo(429);
        // another client, by either header, has its own limit
        org.assertj.core.api.Assertions.assertThat(check("X-Forwarded-For", "198.51.100.2")).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(check("Forwarded", "for=\"[2001:db8::3]:4711\";proto=https")).isEqualTo(200);
    }
}
