package com.serialtrust.api.analytics;

import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import java.time.Instant;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Scan analytics, off the ledger: per item, the number of scans, the first and last, and the coarse
 * places it was scanned in. A label scanned in implausibly many places within the window, or in two
 * places farther apart than anyone could travel between the two scans (places given as geohash cells),
 * is a copied code: the item turns {@code SUSPECT_COPY} and lands on its manufacturer's list of suspects.
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

    /** Why a scan makes a label look copied. */
    public enum Suspicion {
        NONE(""),
        PLACES("this code has been scanned in implausibly many places"),
        SPEED("this code has been scanned in two places too far apart for the time between the scans");

        private final String reason;

        Suspicion(final String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Counts a scan and says whether the item now looks copied. Empty when Redis cannot be reached:
     * then no verdict is changed.
     */
    public Mono<Suspicion> record(final String gtin, final String serial, final String manufacturer,
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
                .zipWith(place.flatMap(p -> Geohash.cell(p).map(cell -> travelled(r, item, p, cell, at))).orElse(Mono.just(false)))
                .flatMap(seen -> {
                    final Suspicion suspicion = seen.getT1() >= properties.suspectPlaces() ? Suspicion.PLACES
                            : seen.getT2() ? Suspicion.SPEED : Suspicion.NONE;
                    if (suspicion == Suspicion.NONE) {
                        return Mono.just(suspicion);
                    }
                    return r.zadd("suspects:" + manufacturer, at, item).thenReturn(suspicion);
                }));
    }

    /**
     * Keeps the item's last scan in a geohash cell, and says whether getting here from the one before
     * needed more than {@code suspect-speed-kmh}.
     */
    private Mono<Boolean> travelled(final RedisReactiveCommands<String, String> r, final String item, final String place,
            final Geohash.Cell cell, final long at) {
        final String last = "scang:" + item;
        return r.hmget(last, "place", "at").collectList()
                .map(previous -> {
                    if (previous.size() < 2 || !previous.get(0).hasValue() || !previous.get(1).hasValue()) {
                        return false;
                    }
                    final Optional<Geohash.Cell> before = Geohash.cell(previous.get(0).getValue());
                    if (before.isEmpty()) {
                        return false;
                    }
                    final double km = before.get().minimumKm(cell);
                    final double hours = Math.abs(at - Long.parseLong(previous.get(1).getValue())) / 3_600_000.0;
                    return km > 0 && km > properties.suspectSpeedKmh() * hours;
                })
                .flatMap(tooFast -> r.hset(last, Map.of("place", place, "at", Long.toString(at)))
                        .then(r.expire(last, properties.suspectWindow()))
                        .thenReturn(tooFast));
    }

    /** A manufacturer's suspect codes, most recent first: {@code gtin/serial}. */
    public Mono<List<String>> suspects(final String manufacturer) {
        return redis.call(r -> r.zrevrange("suspects:" + manufacturer, 0, 999).collectList());
    }
}
