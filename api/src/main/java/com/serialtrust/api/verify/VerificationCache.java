package com.serialtrust.api.verify;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifications in Redis, one hash per item (a field per presented label: its identifiers and signature), dropped as soon as a
 * chaincode event names the item. Events that can change many items at once (a recall, a revoked
 * key, a new model) move an epoch that is part of every key, so all earlier entries go unread.
 * A verification read while any event arrived is not cached: it may already be stale.
 *
 * <p>The most recently checked items are also held in this process ({@value #NEAR_ITEMS} at most),
 * under the same rules: an event drops them here as it drops them in Redis, so a label scanned again
 * is answered without a Redis round trip or reading its JSON again. Only for two seconds each: Redis
 * also hears of an item's event from every other replica, and this process only from its own stream,
 * which may have stopped (a read model that found a broken chain); a label scanned twice a second
 * still saves most of its reads.
 */
@Component
class VerificationCache {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationCache.class);

    private final Redis redis;
    private final RedisProperties properties;
    private final JsonMapper json;
    private final AtomicLong invalidations = new AtomicLong();
    /** Unique per start: entries cached before a restart, when events may have been missed, go unread. */
    private final AtomicLong epoch = new AtomicLong(System.currentTimeMillis());
    /** The items touched by events, by the sequence number of the last event about each. */
    private final Touches touched = new Touches();
    private final Disposable subscription;

    /** The most items whose verifications this process holds in front of Redis. */
    static final int NEAR_ITEMS = 4_096;

    /** The most labels held per item: a client that varies a label's signature replaces them, it does not add. */
    static final int NEAR_LABELS_PER_ITEM = 4;

    /** How long a verification is held in this process at most (shorter if the cache's own lifetime is). */
    static final Duration NEAR_TTL = Duration.ofSeconds(2);

    /** One verification held in this process: the epoch it was read in, and until when it may be served. */
    private record Near(long epoch, VerificationView view, long expiresAtNanos) {}

    /** Per item, its verifications by presented label; least recently used items go first. */
    private final Map<String, Map<String, Near>> near = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Map<String, Near>> eldest) {
            return size() > NEAR_ITEMS;
        }
    };

    VerificationCache(final Redis redis, final RedisProperties properties, final JsonMapper json, final Ledger ledger) {
        this.redis = redis;
        this.properties = properties;
        this.json = json;
        this.subscription = ledger.events().subscribe(this::invalidate,
                e -> LOG.error("the ledger's event stream ended; the verification cache can no longer be trusted", e));
    }

    /** What to capture before reading the ledger, and hand back to {@link #put}. */
    Stamp stamp() {
        return new Stamp(invalidations.get(), epoch.get());
    }

    /** The event sequence and epoch when a read began. */
    record Stamp(long sequence, long epoch) {}

    Mono<VerificationView> get(final String gtin, final String serial, final String presented) {
        return get(gtin, serial, presented, properties.timeout());
    }

    /**
     * The cached verification, waiting for a slow Redis up to {@link Redis#PATIENT}: when the ledger cannot
     * be reached, a verification a little late beats none.
     */
    Mono<VerificationView> getPatiently(final String gtin, final String serial, final String presented) {
        return get(gtin, serial, presented, Redis.PATIENT);
    }

    private Mono<VerificationView> get(final String gtin, final String serial, final String presented, final Duration patience) {
        final String item = gtin + ":" + serial;
        final String field = field(presented);
        final Stamp stamp = stamp();
        final VerificationView held = nearGet(item, field, stamp.epoch());
        if (held != null) {
            return Mono.just(held);
        }
        return redis.call(r -> r.hget(key(stamp.epoch(), item), field), patience)
                .map(text -> json.readValue(text, VerificationView.class))
                .doOnNext(view -> nearPut(item, field, view, stamp));
    }

    private synchronized VerificationView nearGet(final String item, final String field, final long inEpoch) {
        final Map<String, Near> views = near.get(item);
        final Near held = views == null ? null : views.get(field);
        if (held == null || held.epoch() != inEpoch || held.expiresAtNanos() - System.nanoTime() < 0) {
            return null;
        }
        return held.view();
    }

    /** Holds a verification read at {@code readAt}, unless an event about its item (or all) came since. */
    private synchronized void nearPut(final String item, final String field, final VerificationView view, final Stamp readAt) {
        if (redis.enabled() && !touchedSince(item, readAt)) {
            final Map<String, Near> views = near.computeIfAbsent(item, i -> new HashMap<>(4));
            if (views.size() >= NEAR_LABELS_PER_ITEM && !views.containsKey(field)) {
                views.clear();
            }
            final long ttl = Math.min(NEAR_TTL.toNanos(), properties.cacheTtl().toNanos());
            views.put(field, new Near(readAt.epoch(), view, System.nanoTime() + ttl));
        }
    }

    Mono<Void> put(final String gtin, final String serial, final String presented, final VerificationView verification,
            final Stamp readAt) {
        final String item = gtin + ":" + serial;
        // without Redis nothing is cached, so the verification is not even written as JSON
        if (!redis.enabled() || touchedSince(item, readAt)) {
            return Mono.empty();
        }
        final String key = key(readAt.epoch(), item);
        final String field = field(presented);
        nearPut(item, field, verification, readAt);
        final String value = json.writeValueAsString(verification);
        // an event that arrives between the check and the write may have deleted the key before the
        // write landed: look again once it has, and take the entry back out
        return redis.call(r -> r.hset(key, field, value)
                .then(r.expire(key, properties.cacheTtl()))
                .then(Mono.defer(() -> touchedSince(item, readAt) ? r.del(key) : Mono.just(0L))))
                .then();
    }

    private synchronized boolean touchedSince(final String item, final Stamp readAt) {
        return epoch.get() != readAt.epoch() || touched.since(item, readAt.sequence());
    }

    /** Records an event about {@code items} (none: about everything, so the epoch moves). */
    private synchronized long touch(final List<String> items) {
        final long sequence = invalidations.incrementAndGet();
        if (items.isEmpty()) {
            epoch.incrementAndGet();
            near.clear();
        }
        for (String item : items) {
            near.remove(item);
            touched.touch(item, sequence);
        }
        return sequence;
    }

    private void invalidate(final Ledger.LedgerEvent event) {
        final List<JsonNode> refs = new ArrayList<>();
        try {
            final JsonNode payload = json.readTree(event.payload());
            payload.path("items").forEach(refs::add);
            payload.path("components").forEach(refs::add);
            if (payload.has("item")) {
                refs.add(payload.get("item"));
            }
        } catch (RuntimeException e) {
            LOG.warn("event {} has no readable payload; dropping every cached verification", event.name());
        }
        final List<String> items = refs.stream().filter(r -> r.hasNonNull("gtin") && r.hasNonNull("serial"))
                .map(r -> r.get("gtin").asString() + ":" + r.get("serial").asString()).toList();
        touch(items);
        if (!items.isEmpty()) {
            final long now = epoch.get();
            final String[] keys = items.stream().map(item -> key(now, item)).toArray(String[]::new);
            redis.call(r -> r.del(keys)).subscribe();
        }
    }

    /** The hash that holds an item's verifications, one field per presented label: {@code v:<epoch>:<gtin>:<serial>}. */
    private static String key(final long epoch, final String item) {
        return "v:" + epoch + ":" + item;
    }

    private static String field(final String presented) {
        if (presented == null || presented.isEmpty()) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        subscription.dispose();
    }
}
