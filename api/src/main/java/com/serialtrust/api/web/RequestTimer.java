package com.serialtrust.api.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Each request's timer, {@code http.server.requests}, with the tags Spring's own convention gives it
 * (method, uri, status, outcome, exception), recorded when Spring's observation records it: as the
 * request ends, or as its answer commits when that comes later (an error, answered by the problem
 * handler after the filters), and with status and outcome UNKNOWN when the client went away first.
 *
 * <p>Spring's observation of the same (turned off in {@code application.yaml}) built an observation, its
 * context, a signal listener, its tags and the meter's id anew for every request, then looked the timer
 * up by that id: 7 % of the api's CPU for a {@code /ping} ({@code bench/ab.sh ping}, 3 December). Here a
 * request's five tag values find their timer in a map.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // first, so that a request the other filters refuse is timed too
class RequestTimer implements EdgeFilter {

    static final String NAME = "http.server.requests";
    private static final String UNKNOWN = "UNKNOWN";
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.values());

    private final MeterRegistry registry;
    private final Map<Tags, Timer> timers = new ConcurrentHashMap<>();

    RequestTimer(final MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final long start = registry.config().clock().monotonicTime();
        return chain.filter(exchange).doFinally(signal -> {
            final ServerHttpResponse response = exchange.getResponse();
            final boolean aborted = signal == SignalType.CANCEL;
            if (aborted || response.isCommitted()) {
                record(exchange, start, aborted);
            } else {
                response.beforeCommit(() -> {
                    record(exchange, start, false);
                    return Mono.empty();
                });
            }
        });
    }

    private void record(final ServerWebExchange exchange, final long start, final boolean aborted) {
        final long nanos = registry.config().clock().monotonicTime() - start;
        timers.computeIfAbsent(Tags.of(exchange, aborted), tags -> Timer.builder(NAME)
                .tags("method", tags.method(), "uri", tags.uri(), "status", tags.status(), "outcome", tags.outcome(),
                        "exception", tags.exception())
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request's tag values, as Spring's {@code DefaultServerRequestObservationConvention} works them out. */
    record Tags(String method, String uri, String status, String outcome, String exception) {

        static Tags of(final ServerWebExchange exchange, final boolean aborted) {
            final HttpMethod method = exchange.getRequest().getMethod();
            final HttpStatusCode code = exchange.getResponse().getStatusCode();
            final HttpStatus status = code == null ? null : HttpStatus.resolve(code.value());
            final PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            final Throwable error = exchange.getAttribute(ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION);
            final boolean known = !aborted && code != null;
            return new Tags(METHODS.contains(method) ? method.name() : UNKNOWN, uri(pattern, status),
                    known ? Integer.toString(code.value()) : UNKNOWN, known ? outcome(code, status) : UNKNOWN, exception(error));
        }

        private static String uri(final PathPattern pattern, final HttpStatus status) {
            if (pattern != null) {
                return pattern.getPatternString().isEmpty() ? "root" : pattern.getPatternString();
            }
            if (status != null && status.is3xxRedirection()) {
                return "REDIRECTION";
            }
            return status == HttpStatus.NOT_FOUND ? "NOT_FOUND" : UNKNOWN;
        }

        private static String outcome(final HttpStatusCode code, final HttpStatus status) {
            if (code.is2xxSuccessful()) {
                return "SUCCESS";
            }
            return status != null ? status.series().name() : UNKNOWN;
        }

        private static String exception(final Throwable error) {
            if (error == null) {
                return "none";
            }
            final String name = error.getClass().getSimpleName();
            return name.isEmpty() ? error.getClass().getName() : name;
        }
    }
}
