package com.serialtrust.api.analytics;

import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Scan analytics, off the ledger: per item, the number of scans, the first and last, and the coarse
 * places (5-character geohash cells) and client networks it was scanned from. A genuine label scanned
 * within the window in implausibly many places by several distinct client networks, or in two places
 * farther apart than anyone could travel between two scans from different networks, is a copied code:
 * it turns {@code SUSPECT_COPY} for every later check, with or without a place, and lands on its
 * manufacturer's list of suspects until the manufacturer clears it. One client alone never flags a code.
 */
@Component
public class ScanAnalytics {

    /** Per item: why and since when it is a suspect copy. */
    private static final String SUSPECT = "suspect:";
    /**
     * A scan in one command, on the verification path: count it, keep its first and last time, and
     * answer why the code is already suspect, if it is (KEYS: the scan counts, the suspicion).
     */
    private static final String COUNT_SCAN = "redis.call('HINCRBY', KEYS[1], 'count', 1) "
            + "redis.call('HSETNX', KEYS[1], 'first', ARGV[1]) redis.call('HSET', KEYS[1], 'last', ARGV[1]) "
            + "return redis.call('HGET', KEYS[2], 'reason')";
    /** Per manufacturer: its suspect codes, by the time they were flagged. */
    private static final String SUSPECTS = "suspects:";
    /** Per manufacturer: the record of its clearings. */
    private static final String CLEARED = "suspects-cleared:";

    private final Redis redis;
    private final RedisProperties properties;

    ScanAnalytics(final Redis redis, final RedisProperties properties) {
        this.redis = redis;
        this.properties = properties;
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
     * Counts a scan and says whether the item is a suspect copy: already flagged, or flagged by this
     * scan. Only a scan of the genuine label ({@code genuine}) counts towards a suspicion: anyone can
     * type a serial, and that must not turn its genuine label suspect. Empty when Redis cannot be
     * reached: then no verdict is changed.
     */
    public Mono<Suspicion> record(final String gtin, final String serial, final String manufacturer, final Scan scan,
            final boolean genuine, final Instant now) {
        final String item = gtin + "/" + serial;
        final String stats = "scan:" + item;
        return redis.call(r -> r.<String>eval(COUNT_SCAN, ScriptOutputType.VALUE, new String[] {stats, SUSPECT + item},
                        now.toString()).next()
                .map(Suspicion::valueOf).defaultIfEmpty(Suspicion.NONE)
                .flatMap(flagged -> flagged != Suspicion.NONE || !genuine || scan.place().isEmpty() ? Mono.just(flagged)
                        : judge(r, item, manufacturer, scan, now)));
    }

    private Mono<Suspicion> judge(final RedisReactiveCommands<String, String> r, final String item, final String manufacturer,
            final Scan scan, final Instant now) {
        final String place = scan.place().orElseThrow();
        final long at = now.toEpochMilli();
        final Range<Long> expired = Range.create(0L, at - properties.suspectWindow().toMillis());
        final String places = "scanp:" + item;
        final String networks = "scann:" + item;
        return r.zadd(places, at, place).then(r.zadd(networks, at, scan.network()))
                .then(r.zremrangebyscore(places, expired)).then(r.zremrangebyscore(networks, expired))
                .then(r.expire(places, properties.suspectWindow())).then(r.expire(networks, properties.suspectWindow()))
                .then(r.zcard(places).zipWith(r.zcard(networks)))
                .zipWith(Geohash.cell(place).map(cell -> travelled(r, item, place, cell, scan.network(), at)).orElse(Mono.just(false)))
                .flatMap(seen -> {
                    final boolean manyPlaces = seen.getT1().getT1() >= properties.suspectPlaces()
                            && seen.getT1().getT2() >= properties.suspectClients();
                    final Suspicion suspicion = manyPlaces ? Suspicion.PLACES : seen.getT2() ? Suspicion.SPEED : Suspicion.NONE;
                    if (suspicion == Suspicion.NONE) {
                        return Mono.just(suspicion);
                    }
                    return r.hset(SUSPECT + item, Map.of("reason", suspicion.name(), "at", now.toString(), "manufacturer", manufacturer))
                            .then(r.zadd(SUSPECTS + manufacturer, at, item))
                            .thenReturn(suspicion);
                });
    }

    /**
     * Keeps the item's last scan (cell, time, network), and says whether getting here from the one
     * before, made from another network, needed more than {@code suspect-speed-kmh}.
     */
    private Mono<Boolean> travelled(final RedisReactiveCommands<String, String> r, final String item, final String place,
            final Geohash.Cell cell, final String network, final long at) {
        final String last = "scang:" + item;
        return r.hmget(last, "place", "at", "network").collectList()
                .map(previous -> {
                    if (previous.size() < 3 || previous.stream().anyMatch(v -> !v.hasValue())
                            || previous.get(2).getValue().equals(network)) {
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
                .flatMap(tooFast -> r.hset(last, Map.of("place", place, "at", Long.toString(at), "network", network))
                        .then(r.expire(last, properties.suspectWindow()))
                        .thenReturn(tooFast));
    }

    /** A suspect code as its manufacturer sees it. */
    public record Suspect(String gtin, String serial, String reason, String since) {}

    /** A manufacturer's suspect codes, most recent first. */
    public Mono<List<Suspect>> suspects(final String manufacturer) {
        return redis.call(r -> r.zrevrange(SUSPECTS + manufacturer, 0, 999)
                .concatMap(item -> r.hmget(SUSPECT + item, "reason", "at").collectList().map(v -> {
                    final int slash = item.indexOf('/');
                    final Suspicion reason = v.get(0).hasValue() ? Suspicion.valueOf(v.get(0).getValue()) : Suspicion.PLACES;
                    return new Suspect(item.substring(0, slash), item.substring(slash + 1), reason.reason(),
                            v.get(1).hasValue() ? v.get(1).getValue() : "");
                }))
                .collectList(), Redis.PATIENT);
    }

    /**
     * The manufacturer clears one of its suspect codes (after checking the items, for example): the
     * flag and the scans that raised it are dropped, and the clearing is recorded. False if the code
     * was not on its list; empty if Redis cannot be reached.
     */
    public Mono<Boolean> clear(final String manufacturer, final String gtin, final String serial, final Instant now) {
        final String item = gtin + "/" + serial;
        if (!redis.enabled()) {
            return Mono.just(false); // without scan analytics, no code is ever a suspect
        }
        return redis.call(r -> r.zrem(SUSPECTS + manufacturer, item).flatMap(removed -> removed == 0 ? Mono.just(false)
                : r.del(SUSPECT + item, "scanp:" + item, "scann:" + item, "scang:" + item)
                        .then(r.xadd(CLEARED + manufacturer, XAddArgs.Builder.maxlen(100_000).approximateTrimming(),
                                Map.of("gtin", gtin, "serial", serial, "at", now.toString())))
                        .thenReturn(true)));
    }
}
