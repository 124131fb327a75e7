package com.serialtrust.api.health;

import com.serialtrust.api.redis.Redis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Redis: UP when it answers; UNKNOWN (not DOWN) when it does not, because the api keeps answering
 * from the ledger without it.
 */
@Component("redisHealthIndicator")
class RedisHealth implements ReactiveHealthIndicator {

    private final Redis redis;

    RedisHealth(final Redis redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Health> health() {
        if (!redis.enabled()) {
            return Mono.just(Health.unknown().withDetail("redis", "not configured").build());
        }
        return redis.ping().map(pong -> pong.isPresent() ? Health.up().build()
                : Health.status(Status.UNKNOWN).withDetail("redis", "unreachable; serving from the ledger").build());
    }
}
