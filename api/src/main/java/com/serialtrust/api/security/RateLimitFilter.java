package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import java.net.InetSocketAddress;
import io.lettuce.core.ScriptOutputType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A per-client limit on the public resolver, in fixed one-minute windows counted in Redis (so every
 * instance of the api shares it). Over the limit: 429 with Retry-After. Without Redis the limit is
 * not enforced: verification must not fail because Redis did.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter implements WebFilter {

    /** One command per request: count, and give a new window's key its lifetime (a minute and a second). */
    private static final String COUNT_IN_WINDOW = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n";

    private final Redis redis;
    private final RedisProperties properties;
    private final ProblemWriter problems;

    RateLimitFilter(final Redis redis, final RedisProperties properties, final ProblemWriter problems) {
        this.redis = redis;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final String path = exchange.getRequest().getPath().value();
        if (!redis.enabled() || !path.startsWith("/01/") && !path.startsWith("/owner/") && !path.startsWith("/verify/")) {
            return chain.filter(exchange);
        }
        final long now = System.currentTimeMillis();
        final long window = now / 60_000;
        final String key = "rl:" + client(exchange) + ":" + window;
        return redis.call(r -> r.<Long>eval(COUNT_IN_WINDOW, ScriptOutputType.INTEGER, new String[] {key}, "61").next())
                .defaultIfEmpty(0L)
                .flatMap(count -> {
                    if (count <= properties.publicRequestsPerMinute()) {
                        return chain.filter(exchange);
                    }
                    final long retryAfter = Math.max(1, ((window + 1) * 60_000 - now + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return problems.write(exchange, ApiError.RATE_LIMITED,
                            "more than " + properties.publicRequestsPerMinute() + " verifications a minute from one client");
                });
    }

    private static String client(final ServerWebExchange exchange) {
        final InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
