package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import com.serialtrust.api.redis.Script;
import com.serialtrust.api.web.EdgeFilter;
import io.lettuce.core.ScriptOutputType;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A per-client limit on the public resolver, in fixed one-minute windows counted in Redis (so every
 * instance of the api shares it). Over the limit: 429 with Retry-After. A client far below the limit
 * is not held up by a round trip to Redis: see {@link ClientWindows}. When Redis does not answer,
 * each instance judges a client by the counts it knows; without Redis configured, the limit is not
 * enforced: verification must not fail because Redis did.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter implements EdgeFilter {

    /** Add a batch of counts, and give a new window's key its lifetime (a minute and a second). */
    private static final Script ADD_TO_WINDOW = new Script("local n = redis.call('INCRBY', KEYS[1], ARGV[2]) "
            + "if n == tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n");

    private static final long UNANSWERED = -1;

    private final Redis redis;
    private final RedisProperties properties;
    private final ProblemWriter problems;
    private final ClientWindows windows;

    RateLimitFilter(final Redis redis, final RedisProperties properties, final ProblemWriter problems) {
        this.redis = redis;
        this.properties = properties;
        this.problems = problems;
        this.windows = new ClientWindows(properties.publicRequestsPerMinute());
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final String path = exchange.getRequest().getPath().value();
        if (!redis.enabled() || !path.startsWith("/01/") && !path.startsWith("/owner/") && !path.startsWith("/verify/")) {
            return chain.filter(exchange);
        }
        final long now = System.currentTimeMillis();
        final long window = now / 60_000;
        final String client = client(exchange);
        final String key = "rl:" + client + ":" + window;
        final Optional<ClientWindows.Client> counts = windows.of(client, window);
        final ClientWindows.Step step = counts.map(ClientWindows.Client::count).orElse(new ClientWindows.Step(false, 1));
        if (step.local()) {
            sendInBackground(key, counts.orElseThrow(), step.batch());
            return chain.filter(exchange);
        }
        return add(key, step.batch())
                .map(total -> {
                    counts.ifPresent(c -> c.confirmed(step.batch(), total, false));
                    return total <= properties.publicRequestsPerMinute();
                })
                // Redis did not answer: what this instance counted itself decides
                .switchIfEmpty(Mono.fromSupplier(() -> counts.map(c -> {
                    c.unanswered(false);
                    return c.withinLimit();
                }).orElse(true)))
                .flatMap(within -> {
                    if (within) {
                        return chain.filter(exchange);
                    }
                    final long retryAfter = Math.max(1, ((window + 1) * 60_000 - now + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return problems.write(exchange, ApiError.RATE_LIMITED,
                            "more than " + properties.publicRequestsPerMinute() + " verifications a minute from one client");
                });
    }

    /** Sends a client's batch of counts without anyone waiting for it, then the next batch, until none is left. */
    private void sendInBackground(final String key, final ClientWindows.Client counts, final long batch) {
        if (batch == 0) {
            return;
        }
        add(key, batch).defaultIfEmpty(UNANSWERED).subscribe(total -> {
            if (total == UNANSWERED) {
                counts.unanswered(true);
            } else {
                sendInBackground(key, counts, counts.confirmed(batch, total, true));
            }
        });
    }

    /** Adds counts to the shared count of a window; empty if Redis did not answer. */
    private Mono<Long> add(final String key, final long batch) {
        return redis.call(r -> ADD_TO_WINDOW.<Long>run(r, ScriptOutputType.INTEGER, new String[] {key}, "61",
                Long.toString(batch)).next());
    }

    private static String client(final ServerWebExchange exchange) {
        final InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
