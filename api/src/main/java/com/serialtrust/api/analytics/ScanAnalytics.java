package com.serialtrust.api.analytics;

import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Scan analytics, off the ledger: per item, the number of scans, the first and last, and the coarse
 * places it was scanned in. A label scanned in implausibly many places within the window is a copied
 * code: the item turns {@code SUSPECT_COPY} and lands on its manufacturer's list of suspects.
 */
@Component
public class ScanAnalytics {

    private static final Pattern PLACE = Pattern.compile("[A-Za-z0-9 ._-]{1,32}");

    private final Redis redis;
    private final RedisProperties properties;

    ScanAnalytics(final Redis redis, final RedisProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** A coarse place as a scanner reports it (a city, a geohash prefix), if it is a plausible one. */
    public static Optional<String> place(final String reported) {
        return Optional.ofNullable(reported).map(String::strip).filter(p -> PLACE.matcher(p).matches());
    }

    /**
     * Counts a scan; true if the item now looks copied. Empty when Redis cannot be reached: then no
     * verdict is changed.
     */
    public Mono<Boolean> record(final String gtin, final String serial, final String manufacturer,
            final Optional<String> place, final Instant now) {
        final String item = gtin + "/" + serial;
        final String stats = "scan:" + item;
        final String places = "scanp:" + item;
        final long at = now.toEpochMilli();
        return redis.call(r -> r.hincrby(stats, "count", 1)
                .then(r.hsetnx(stats, "first", now.toString()))
                .then(r.hset(stats, "last", now.toString()))
                .then(place.isEmpty() ? Mono.just(0L) : r.zadd(places, at, place.get())
                        .then(r.zremrangebyscore(places, io.lettuce.core.Range.create(0, at - properties.suspectWindow().toMillis())))
                        .then(r.expire(places, properties.suspectWindow()))
                        .then(r.zcard(places)))
                .flatMap(distinct -> {
                    if (distinct < properties.suspectPlaces()) {
                        return Mono.just(false);
                    }
                    return r.zadd("suspects:" + manufacturer, at, item).thenReturn(true);
                }));
    }

    /** A manufacturer's suspect codes, most recent first: {@code gtin/serial}. */
    public Mono<List<String>> suspects(final String manufacturer) {
        return redis.call(r -> r.zrevrange("suspects:" + manufacturer, 0, 999).collectList());
    }
}
