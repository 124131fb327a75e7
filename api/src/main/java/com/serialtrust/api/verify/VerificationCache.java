package com.serialtrust.api.verify;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifications in Redis, one hash per item (a field per presented signature), dropped as soon as a
 * chaincode event names the item. Events that can change many items at once (a recall, a revoked
 * key, a new model) move an epoch that is part of every key, so all earlier entries go unread.
 * A verification read while any event arrived is not cached: it may already be stale.
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
    private final Disposable subscription;

    VerificationCache(final Redis redis, final RedisProperties properties, final JsonMapper json, final Ledger ledger) {
        this.redis = redis;
        this.properties = properties;
        this.json = json;
        this.subscription = ledger.events().subscribe(this::invalidate,
                e -> LOG.error("the ledger's event stream ended; the verification cache can no longer be trusted", e));
    }

    /** What to capture before reading the ledger, and hand back to {@link #put}. */
    long generation() {
        return invalidations.get();
    }

    Mono<ObjectNode> get(final String gtin, final String serial, final String signature) {
        return redis.call(r -> r.hget(key(gtin, serial), field(signature)))
                .map(text -> (ObjectNode) json.readTree(text));
    }

    Mono<Void> put(final String gtin, final String serial, final String signature, final ObjectNode verification,
            final long generationAtRead) {
        if (invalidations.get() != generationAtRead) {
            return Mono.empty();
        }
        final String key = key(gtin, serial);
        final String value = json.writeValueAsString(verification);
        return redis.call(r -> r.hset(key, field(signature), value)
                .then(r.expire(key, properties.cacheTtl())))
                .then();
    }

    private void invalidate(final Ledger.LedgerEvent event) {
        invalidations.incrementAndGet();
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
        if (refs.isEmpty()) {
            epoch.incrementAndGet();
            return;
        }
        final String[] keys = refs.stream().filter(r -> r.hasNonNull("gtin") && r.hasNonNull("serial"))
                .map(r -> key(r.get("gtin").asString(), r.get("serial").asString())).toArray(String[]::new);
        if (keys.length > 0) {
            redis.call(r -> r.del(keys)).subscribe();
        }
    }

    private String key(final String gtin, final String serial) {
        return "v:" + epoch.get() + ":" + gtin + ":" + serial;
    }

    private static String field(final String signature) {
        if (signature == null || signature.isEmpty()) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signature.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        subscription.dispose();
    }
}
