package com.serialtrust.api.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that one replica of the api does at a time, such as seeding the demo: a Redis lock with a
 * deadline, so that a replica that dies holding it holds up the others for {@code hold} at most.
 * Without Redis (one api alone) the work runs at once. Blocking: for start-up, never a request.
 */
public final class Exclusive {

    private static final Logger LOG = LoggerFactory.getLogger(Exclusive.class);
    private static final String TAKE = "return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0";
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private final Redis redis;

    public Exclusive(final Redis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * Runs {@code work} once no other replica runs work of the same {@code name}: waits for the one that
     * does, at most {@code hold}, then runs it anyway. {@code work} hears whether another replica was at it
     * first (so its own reads may lag behind what that one wrote).
     */
    public <T> T run(final String name, final Duration hold, final Function<Boolean, T> work) {
        final String key = "st:exclusive:" + name;
        final String token = UUID.randomUUID().toString();
        final long deadline = System.nanoTime() + hold.toNanos();
        boolean waited = false;
        while (true) {
            final Long taken = redis.call(r -> r.<Long>eval(TAKE, ScriptOutputType.INTEGER, new String[] {key}, token,
                    Long.toString(hold.toMillis())).next(), Redis.PATIENT).block();
            if (taken == null) {
                return work.apply(waited); // no Redis: this api is alone, or nothing could be shared anyway
            }
            if (taken == 1) {
                break;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("{}: another replica has held the lock for {}; going on without it", name, hold);
                return work.apply(true);
            }
            if (!waited) {
                LOG.info("{}: another replica is at it; waiting for it", name);
                waited = true;
            }
            sleep();
        }
        try {
            return work.apply(waited);
        } finally {
            redis.call(r -> r.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token).next(), Redis.PATIENT).block();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another replica", e);
        }
    }
}
