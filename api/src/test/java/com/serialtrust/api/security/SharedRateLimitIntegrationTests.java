package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.RedisServer;
import com.serialtrust.api.problem.ProblemWriter;
import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public rate limit as two replicas of the api enforce it with one real Redis: a client's
 * verifications count together whichever replica answers them, so spreading them over replicas
 * does not multiply the limit; another client keeps its own.
 */
class SharedRateLimitIntegrationTests {

    static final int LIMIT = 3;

    @Test
    void aClientsVerificationsCountTogetherOnEveryReplica() {
        try (RedisServer server = RedisServer.start()) {
            final RedisProperties settings = server.settings(LIMIT);
            try (Redis first = new Redis(settings); Redis second = new Redis(settings)) {
                final ProblemWriter problems = new ProblemWriter(JsonMapper.builder().build());
                final List<RateLimitFilter> replicas = List.of(new RateLimitFilter(first, settings, problems),
                        new RateLimitFilter(second, settings, problems));
                // replicas that have been running: their connections are open, so each replica's counts
                // reach Redis in the order it sent them (two first commands racing may open two connections)
                for (Redis replica : List.of(first, second)) {
                    assertThat(replica.call(r -> r.ping()).block(Duration.ofSeconds(5))).isEqualTo("PONG");
                }
                final List<HttpStatus> answers = new ArrayList<>();
                for (int i = 0; i < 2 * LIMIT; i++) {
                    answers.add(verify(replicas.get(i % 2), "203.0.113.7"));
                }
                assertThat(answers).as("each replica saw %d requests, under the limit of each alone", LIMIT)
                        .containsExactly(HttpStatus.OK, HttpStatus.OK, HttpStatus.OK,
                                HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS);
                assertThat(verify(replicas.get(1), "198.51.100.9")).as("another client").isEqualTo(HttpStatus.OK);
            }
        }
    }

    @Test
    void aClientFarBelowTheLimitIsNotHeldUpByAStalledRedis() {
        try (RedisServer server = RedisServer.start()) {
            final RedisProperties settings = server.settings(10);
            try (Redis redis = new Redis(settings); Redis admin = new Redis(settings)) {
                final RateLimitFilter filter = new RateLimitFilter(redis, settings, new ProblemWriter(JsonMapper.builder().build()));
                assertThat(verify(filter, "203.0.113.7")).isEqualTo(HttpStatus.OK); // the connection is open
                assertThat(admin.call(r -> r.clientPause(3_000)).block(Duration.ofSeconds(5))).isEqualTo("OK");
                for (int i = 2; i <= 4; i++) {
                    final long started = System.nanoTime();
                    assertThat(verify(filter, "203.0.113.7")).isEqualTo(HttpStatus.OK);
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("request %d of a limit of 10", i)
                            .isLessThan(Duration.ofMillis(500));
                }
                final long started = System.nanoTime();
                assertThat(verify(filter, "203.0.113.7")).as("the fifth waits for Redis's count").isEqualTo(HttpStatus.OK);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1_000));
            }
        }
    }

    private static HttpStatus verify(final RateLimitFilter replica, final String client) {
        final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/01/09520123456788/21/DEMO-0001").remoteAddress(new InetSocketAddress(client, 40000)));
        replica.filter(exchange, passed -> {
            passed.getResponse().setStatusCode(HttpStatus.OK);
            return Mono.empty();
        }).block(Duration.ofSeconds(5));
        return HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
    }
}
