package com.serialtrust.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Each request timed once, with the tags Spring's own convention gives the same request. */
class RequestTimerTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final RequestTimer timer = new RequestTimer(registry);

    @Test
    void aMatchedRequestIsTimedUnderItsPatternWithSpringsTags() {
        final MockServerWebExchange exchange = exchange(HttpMethod.GET, "/01/09520123456788/21/12345");
        run(exchange, handled -> {
            clock.add(Duration.ofMillis(7));
            matched(handled, "/01/{gtin}/21/{serial}");
            handled.getResponse().setStatusCode(HttpStatus.OK);
            return handled.getResponse().setComplete();
        });
        assertThat(tags()).isEqualTo(springTags(exchange, "/01/{gtin}/21/{serial}", null, false))
                .containsEntry("uri", "/01/{gtin}/21/{serial}").containsEntry("outcome", "SUCCESS");
        assertThat(onlyTimer().count()).isEqualTo(1);
        assertThat(onlyTimer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7.0);
    }

    @Test
    void theRootPatternNotFoundAndRedirectionsAreNamedAsSpringNamesThem() {
        for (Object[] c : new Object[][] {{"", HttpStatus.OK}, {null, HttpStatus.NOT_FOUND}, {null, HttpStatus.FOUND},
                {null, HttpStatus.TOO_MANY_REQUESTS}}) {
            final MockServerWebExchange exchange = exchange(HttpMethod.GET, "/anything");
            run(exchange, handled -> {
                if (c[0] != null) {
                    matched(handled, (String) c[0]);
                }
                handled.getResponse().setStatusCode((HttpStatus) c[1]);
                return handled.getResponse().setComplete();
            });
            assertThat(tags()).as("%s %s", c[0], c[1]).isEqualTo(springTags(exchange, (String) c[0], null, false));
            registry.clear();
        }
    }

    @Test
    void anErrorIsTimedAsTheProblemHandlerAnswersItWithTheExceptionsName() {
        final MockServerWebExchange exchange = exchange(HttpMethod.POST, "/api/items");
        final ResponseStatusException error = new ResponseStatusException(HttpStatus.CONFLICT);
        final Mono<Void> filtered = timer.filter(exchange, handled -> {
            matched(handled, "/api/items");
            return Mono.error(error);
        });
        // as Spring's exception handling does after the filters: the error named, then the answer written
        StepVerifier.create(filtered.onErrorResume(e -> {
            exchange.getAttributes().put(ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION, e);
            assertThat(registry.getMeters()).as("not before the answer's status is known").isEmpty();
            clock.add(Duration.ofMillis(3));
            exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
            return exchange.getResponse().setComplete();
        })).verifyComplete();
        assertThat(tags()).isEqualTo(springTags(exchange, "/api/items", error, false))
                .containsEntry("status", "409").containsEntry("exception", "ResponseStatusException");
        assertThat(onlyTimer().count()).isEqualTo(1);
        assertThat(onlyTimer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
    }

    @Test
    void aRequestTheClientAbandonedHasAnUnknownStatusAndOutcome() {
        final MockServerWebExchange exchange = exchange(HttpMethod.GET, "/api/items/x");
        StepVerifier.create(timer.filter(exchange, handled -> {
            matched(handled, "/api/items/{id}");
            return Mono.never();
        })).thenCancel().verify();
        assertThat(tags()).isEqualTo(springTags(exchange, "/api/items/{id}", null, true))
                .containsEntry("status", "UNKNOWN").containsEntry("outcome", "UNKNOWN");
    }

    @Test
    void aMethodOutsideHttpsOwnIsUnknownSoNoClientCanAddTimersAtWill() {
        final MockServerWebExchange exchange = exchange(HttpMethod.valueOf("PURGE"), "/ping");
        run(exchange, handled -> {
            handled.getResponse().setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
            return handled.getResponse().setComplete();
        });
        assertThat(tags()).isEqualTo(springTags(exchange, null, null, false)).containsEntry("method", "UNKNOWN");
    }

    @Test
    void requestsWithTheSameTagsShareOneTimer() {
        for (int i = 0; i < 3; i++) {
            run(exchange(HttpMethod.GET, "/ping"), handled -> {
                matched(handled, "/ping");
                handled.getResponse().setStatusCode(HttpStatus.OK);
                return handled.getResponse().setComplete();
            });
        }
        assertThat(registry.getMeters()).hasSize(1);
        assertThat(onlyTimer().count()).isEqualTo(3);
    }

    private static MockServerWebExchange exchange(final HttpMethod method, final String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
    }

    private void run(final MockServerWebExchange exchange, final Function<ServerWebExchange, Mono<Void>> handler) {
        StepVerifier.create(timer.filter(exchange, handler::apply)).verifyComplete();
    }

    private static void matched(final ServerWebExchange exchange, final String pattern) {
        exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PathPatternParser.defaultInstance.parse(pattern));
    }

    private Timer onlyTimer() {
        assertThat(registry.getMeters()).hasSize(1);
        return registry.get(RequestTimer.NAME).timer();
    }

    private Map<String, String> tags() {
        return onlyTimer().getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue, (a, b) -> a, TreeMap::new));
    }

    /** What Spring's convention says of the same request, had its observation been there. */
    private static Map<String, String> springTags(final MockServerWebExchange exchange, final String pattern, final Throwable error,
            final boolean aborted) {
        final ServerRequestObservationContext context = new ServerRequestObservationContext(exchange.getRequest(),
                exchange.getResponse(), exchange.getAttributes());
        if (pattern != null) {
            context.setPathPattern(pattern);
        }
        context.setError(error);
        context.setConnectionAborted(aborted);
        return new DefaultServerRequestObservationConvention().getLowCardinalityKeyValues(context).stream()
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue, (a, b) -> a, TreeMap::new));
    }
}
