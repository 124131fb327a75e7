package com.serialtrust.api.analytics;

import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import com.serialtrust.api.redis.Script;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
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
     * A check in one command, on the verification path. It counts the scan and keeps its first and last
     * time; counts the check in its manufacturer's tallies (the day's checks, and the place's cell, twice
     * for a stolen item); trims the tallies' cells when told. It answers why the code is already suspect,
     * if it is. If not, and the scan is to be judged, it keeps the scan's place and client network, drops
     * those older than the window, keeps the scan as the item's last, and answers the numbers of places
     * and networks in the window with the item's scan before this one: the rest is judged here.
     * <p>KEYS: scan counts, suspicion, the day's checks, check cells, stolen cells, places, networks,
     * last scan. ARGV: the time (ISO 8601), the day (empty: no tally), the place (or empty), stolen (1/0),
     * judge (1/0), the time in ms, the window's start in ms, the window in seconds, the network, trim
     * the cells to this many (or 0).
     */
    private static final Script RECORD_CHECK = new Script("""
            redis.call('HINCRBY', KEYS[1], 'count', 1)
            redis.call('HSETNX', KEYS[1], 'first', ARGV[1])
            redis.call('HSET', KEYS[1], 'last', ARGV[1])
            if ARGV[2] ~= '' then
              redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
              if ARGV[3] ~= '' then
                redis.call('ZINCRBY', KEYS[4], 1, ARGV[3])
                if ARGV[4] == '1' then redis.call('ZINCRBY', KEYS[5], 1, ARGV[3]) end
              end
              if ARGV[10] ~= '0' then
                redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -tonumber(ARGV[10]) - 1)
                redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -tonumber(ARGV[10]) - 1)
              end
            end
            local reason = redis.call('HGET', KEYS[2], 'reason')
            if reason or ARGV[5] ~= '1' then return {reason or ''} end
            redis.call('ZADD', KEYS[6], ARGV[6], ARGV[3])
            redis.call('ZADD', KEYS[7], ARGV[6], ARGV[9])
            redis.call('ZREMRANGEBYSCORE', KEYS[6], 0, ARGV[7])
            redis.call('ZREMRANGEBYSCORE', KEYS[7], 0, ARGV[7])
            redis.call('EXPIRE', KEYS[6], ARGV[8])
            redis.call('EXPIRE', KEYS[7], ARGV[8])
            local last = redis.call('HMGET', KEYS[8], 'place', 'at', 'network')
            redis.call('HSET', KEYS[8], 'place', ARGV[3], 'at', ARGV[6], 'network', ARGV[9])
            redis.call('EXPIRE', KEYS[8], ARGV[8])
            return {'', tostring(redis.call('ZCARD', KEYS[6])), tostring(redis.call('ZCARD', KEYS[7])),
                    last[1] or '', last[2] or '', last[3] or ''}
            """);
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
     * Counts a check of a registered item, in the item's scans and in its manufacturer's tallies (see
     * {@link Tallies}), and says whether the item is a suspect copy: already flagged, or flagged by this
     * scan. Only a scan of the genuine label ({@code genuine}) with a place counts towards a suspicion:
     * anyone can type a serial, and that must not turn its genuine label suspect. One round trip to
     * Redis, a second only when this scan flags the code. Empty when Redis cannot be reached: then no
     * verdict is changed.
     */
    public Mono<Suspicion> record(final String gtin, final String serial, final String manufacturer, final Scan scan,
            final boolean genuine, final boolean stolen, final Instant now) {
        final String item = gtin + "/" + serial;
        final boolean judge = genuine && scan.place().isPresent();
        final long at = now.toEpochMilli();
        final String[] keys = {"scan:" + item, SUSPECT + item, Tallies.dailyChecks(manufacturer), Tallies.checkCells(manufacturer),
            Tallies.stolenCells(manufacturer), "scanp:" + item, "scann:" + item, "scang:" + item};
        final String[] args = {IsoInstant.of(now), manufacturer.isEmpty() ? "" : Tallies.day(now), scan.place().orElse(""),
            stolen ? "1" : "0", judge ? "1" : "0", Long.toString(at), Long.toString(at - properties.suspectWindow().toMillis()),
            Long.toString(properties.suspectWindow().toSeconds()), scan.network(), Integer.toString(Tallies.trimSometimes())};
        return redis.call(r -> RECORD_CHECK.<List<Object>>run(r, ScriptOutputType.MULTI, keys, args).next()
                .flatMap(reply -> {
                    final List<String> values = reply.stream().map(String::valueOf).toList();
                    if (!values.get(0).isEmpty()) {
                        return Mono.just(Suspicion.valueOf(values.get(0)));
                    }
                    final Suspicion suspicion = judge ? judged(values, scan, at) : Suspicion.NONE;
                    if (suspicion == Suspicion.NONE) {
                        return Mono.just(suspicion);
                    }
                    return r.hset(SUSPECT + item, Map.of("reason", suspicion.name(), "at", now.toString(), "manufacturer", manufacturer))
                            .then(r.zadd(SUSPECTS + manufacturer, at, item))
                            .thenReturn(suspicion);
                }));
    }

    /**
     * The suspicion a judged scan raises, from what {@link #RECORD_CHECK} answered: the places and networks
     * in the window, and the item's scan before this one (its place, time and network).
     */
    private Suspicion judged(final List<String> counted, final Scan scan, final long at) {
        if (Long.parseLong(counted.get(1)) >= properties.suspectPlaces() && Long.parseLong(counted.get(2)) >= properties.suspectClients()) {
            return Suspicion.PLACES;
        }
        return tooFast(counted.get(3), counted.get(4), counted.get(5), scan, at) ? Suspicion.SPEED : Suspicion.NONE;
    }

    /** Whether getting here from the scan before, made from another network, needed more than {@code suspect-speed-kmh}. */
    private boolean tooFast(final String place, final String when, final String network, final Scan scan, final long at) {
        if (place.isEmpty() || when.isEmpty() || network.isEmpty() || network.equals(scan.network())) {
            return false;
        }
        final Optional<Geohash.Cell> before = Geohash.cell(place);
        final Optional<Geohash.Cell> here = scan.place().flatMap(Geohash::cell);
        if (before.isEmpty() || here.isEmpty()) {
            return false;
        }
        final double km = before.get().minimumKm(here.get());
        final double hours = Math.abs(at - Long.parseLong(when)) / 3_600_000.0;
        return km > 0 && km > properties.suspectSpeedKmh() * hours;
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
