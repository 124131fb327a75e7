package com.serialtrust.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestTimer timer = new RequestTimer(registry);

    private Timer recorded(final String... tags) {
        return registry.get(RequestTimer.NAME).tags(tags).timer();
    }

    @Test
    void aRequestIsTimedUnderItsRouteTemplateStatusAndOutcomeAsSpringNamesThem() {
        final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/01/09520123456788/21/A1"));
        final WebFilterChain handler = ex -> {
            ex.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                    PathPatternParser.defaultInstance.parse("/01/{gtin}/21/{serial}"));
            ex.getResponse().setStatusCode(HttpStatus.OK);
            // while it answers, it is in flight
            assertThat(registry.get(RequestTimer.NAME + ".active").longTaskTimer().activeTasks()).isEqualTo(1);
            return Mono.delay(Duration.ofMillis(20)).then();
        };

        StepVerifier.create(timer.filter(exchange, handler)).verifyComplete();

        final Timer t = recorded("method", "GET", "uri", "/01/{gtin}/21/{serial}", "status", "200", "outcome", "SUCCESS",
                "exception", "none", "error", "none");
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
        assertThat(registry.get(RequestTimer.NAME + ".active").longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void aFailureThatEscapesTheFiltersIsTimedWithTheStatusItWillBeAnsweredWith() {
        final WebFilterChain conflict = ex -> Mono.error(new ResponseStatusException(HttpStatus.CONFLICT));
        StepVerifier.create(timer.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/items")), conflict))
                .expectError(ResponseStatusException.class).verify();
        final WebFilterChain broken = ex -> Mono.error(new IllegalStateException("bug"));
        StepVerifier.create(timer.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/items")), broken))
                .expectError(IllegalStateException.class).verify();

        assertThat(recorded("method", "POST", "status", "409", "outcome", "CLIENT_ERROR", "exception", "ResponseStatusException",
                "uri", "UNKNOWN").count()).isEqualTo(1);
        assertThat(recorded("status", "500", "outcome", "SERVER_ERROR", "exception", "IllegalStateException",
                "error", "IllegalStateException").count()).isEqualTo(1);
    }

    @Test
    void unmatchedRoutesAndInventedMethodsDoNotMakeNewSeries() {
        final WebFilterChain notFound = ex -> {
            ex.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return Mono.empty();
        };
        for (String path : new String[] {"/a", "/b", "/c"}) {
            StepVerifier.create(timer.filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), notFound)).verifyComplete();
        }
        for (String method : new String[] {"FOO", "BAR"}) {
            StepVerifier.create(timer.filter(MockServerWebExchange.from(
                    MockServerHttpRequest.method(HttpMethod.valueOf(method), "/x")), notFound)).verifyComplete();
        }

        assertThat(recorded("method", "GET", "uri", "NOT_FOUND", "status", "404").count()).isEqualTo(3);
        assertThat(recorded("method", "UNKNOWN", "uri", "NOT_FOUND").count()).isEqualTo(2);
        assertThat(registry.get(RequestTimer.NAME).timers()).hasSize(2);
    }
}
