package com.serialtrust.api.health;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Times every request as {@code http.server.requests}, with the tags of Spring's server observation
 * (method, uri template, status, outcome, exception, error), so that dashboards read the same series;
 * and counts the requests in flight ({@code http.server.requests.active}). Recorded directly on
 * Micrometer: the observation around each request, which Spring's is, cost {@code /ping} 15 % of its
 * rate, so that one is off ({@code management.observations.enable.http.server.requests}). A bean of
 * {@link RequestMetrics}, not a component: the web slice tests, which have no meter registry, leave it out.
 */
final class RequestTimer implements WebFilter, Ordered {

    static final String NAME = "http.server.requests";

    /** A client may send any method name: only the standard ones become tags, so the series stay few. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final MeterRegistry registry;
    private final LongTaskTimer active;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestTimer(final MeterRegistry registry) {
        this.registry = registry;
        this.active = LongTaskTimer.builder(NAME + ".active").description("requests the api is answering").register(registry);
    }

    /** First of all filters: the time includes the security chain and every filter of the api's own. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final long start = System.nanoTime();
        final LongTaskTimer.Sample inFlight = active.start();
        // recorded before the end reaches the server, so a reading taken after the answer includes it
        return chain.filter(exchange)
                .doOnEach(signal -> {
                    if (signal.isOnComplete() || signal.isOnError()) {
                        record(exchange, start, inFlight, signal.getType(), signal.getThrowable());
                    }
                })
                .doOnCancel(() -> record(exchange, start, inFlight, SignalType.CANCEL, null));
    }

    private void record(final ServerWebExchange exchange, final long start, final LongTaskTimer.Sample inFlight,
            final SignalType signal, final Throwable failure) {
        inFlight.stop();
        timer(exchange, signal, failure).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private Timer timer(final ServerWebExchange exchange, final SignalType signal, final Throwable failure) {
        final String method = exchange.getRequest().getMethod().name();
        // a failure that escaped every filter: the api's exception handlers answer it next, as this status
        final HttpStatusCode status = failure instanceof ResponseStatusException e ? e.getStatusCode()
                : failure != null ? HttpStatusCode.valueOf(500) : exchange.getResponse().getStatusCode();
        final Key key = new Key(METHODS.contains(method) ? method : "UNKNOWN", uri(exchange, status),
                status == null ? 0 : status.value(), signal == SignalType.CANCEL,
                failure == null ? "none" : failure.getClass().getSimpleName());
        return timers.computeIfAbsent(key, k -> Timer.builder(NAME)
                .description("requests the api answered, by method, route, status and outcome")
                .tag("method", k.method()).tag("uri", k.uri())
                .tag("status", k.status() == 0 ? "UNKNOWN" : String.valueOf(k.status()))
                .tag("outcome", k.cancelled() || k.status() == 0 ? "UNKNOWN" : outcome(k.status()))
                .tag("exception", k.exception()).tag("error", k.exception())
                .register(registry));
    }

    /** The route's template, as Spring names it; a request that matched none by what became of it. */
    private static String uri(final ServerWebExchange exchange, final HttpStatusCode status) {
        final Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof PathPattern p) {
            return p.getPatternString().isEmpty() ? "root" : p.getPatternString();
        }
        if (status != null && status.is3xxRedirection()) {
            return "REDIRECTION";
        }
        if (status != null && status.value() == 404) {
            return "NOT_FOUND";
        }
        return exchange.getRequest().getPath().value().isEmpty() ? "root" : "UNKNOWN";
    }

    private static String outcome(final int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private record Key(String method, String uri, int status, boolean cancelled, String exception) {}
}
